import type { Ctx, Deps } from '../../kernel/context'
import { TASK_TYPES, type TaskType } from '@hearth/domain'
import { AppError, notFound } from '../../kernel/errors'
import { renderLetter } from './letters'
import { letterData, load } from './task-queries'

export async function renderTaskLetter(deps: Deps, ctx: Ctx, id: string): Promise<Buffer> {
  const { db } = deps
  const t = await load(db, ctx.councilId, id)
  if (!TASK_TYPES[t.taskType as TaskType]?.letter) throw notFound('letter for this task')
  // a held letter is not printed: the family must not receive it until the lead decides
  if (t.status === 'held') throw new AppError('conflict', `${t.heldReason} Nothing can be sent until the lead decides.`)
  return t.artefact ?? renderLetter(t.taskType as TaskType, await letterData(db, ctx.councilId, t))
}
