import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { noteFor, noteViews } from './note-queries'

export async function getNote(deps: Deps, ctx: Ctx, actor: Actor, noteId: string) {
  const n = await noteFor(deps.db, actor, noteId)
  return (await noteViews(deps.db, ctx.councilId, [n]))[0]!
}
