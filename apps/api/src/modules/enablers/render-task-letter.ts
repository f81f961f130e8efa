import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import type { AdminTask } from '@hearth/db/schema/enablers'
import { families } from '@hearth/db/schema/families'
import { TASK_TYPES, type TaskType } from '@hearth/domain/admin-tasks'
import { AppError, notFound } from '../../kernel/errors'
import { printLinkLetter } from '../family-voice/print-link-letter'
import { renderLetter } from './letters'
import { letterData, load } from './task-queries'
import type { Caller } from '../../kernel/caller'

/**
 * A letter kept as it was made, unless the family's address has become confidential since: a
 * stored letter is never sent out again with an address that must now be kept (it is made again
 * from today's record, which prints "by hand"). The family link's letter is never kept at all.
 */
export async function keptOrFreshLetter(db: Db, councilId: string, t: AdminTask): Promise<Buffer | null> {
  if (!TASK_TYPES[t.taskType as TaskType]?.letter || t.taskType === 'family_link_letter') return null
  if (t.artefact && t.familyId) {
    const [f] = await db
      .select({ confidential: families.addressConfidential })
      .from(families)
      .where(and(eq(families.councilId, councilId), eq(families.id, t.familyId)))
    if (!f?.confidential) return t.artefact
  } else if (t.artefact) return t.artefact
  return renderLetter(t.taskType as TaskType, await letterData(db, councilId, t))
}

export async function renderTaskLetter(deps: Deps, caller: Caller, id: string, origin: string): Promise<Buffer> {
  const { db } = deps
  const t = await load(db, caller.councilId, id)
  if (!TASK_TYPES[t.taskType as TaskType]?.letter) throw notFound('letter for this task')
  // a held letter is not printed: the family must not receive it until the lead decides
  if (t.status === 'held') throw new AppError('conflict', `${t.heldReason} Nothing can be sent until the lead decides.`)
  if (t.taskType === 'family_link_letter') {
    if (t.status === 'done')
      throw new AppError('conflict', 'This letter was sent. Its link is not kept: ask for a new link if it was lost.')
    return printLinkLetter(deps, caller, t, origin)
  }
  return (await keptOrFreshLetter(db, caller.councilId, t))!
}
