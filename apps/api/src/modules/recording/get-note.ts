import type { Deps } from '../../kernel/context'
import { noteFor, noteViews } from './note-queries'
import type { Caller } from '../../kernel/caller'

export async function getNote(deps: Deps, caller: Caller, noteId: string) {
  const n = await noteFor(deps.db, caller, noteId)
  return (await noteViews(deps.db, caller.councilId, [n]))[0]!
}
