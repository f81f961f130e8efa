import { and, eq } from 'drizzle-orm'
import { createTask } from '@hearth/db/enablers'
import { familyLetters } from '@hearth/db/schema/contact'
import type { TaskRuleSet } from '../enablers/task-rules'

export const taskRules: TaskRuleSet = {
  /** The family's workers changed: a letter telling them who their workers are now. */
  'workers.changed': async (tx, p) => {
    const ids: (string | null)[] = []
    const [letter] = await tx
      .select()
      .from(familyLetters)
      .where(and(eq(familyLetters.councilId, p.councilId), eq(familyLetters.id, p.subjectId)))
    if (!letter) return []
    ids.push(
      await createTask(tx, {
        councilId: p.councilId,
        sourceKey: `letter:${letter.id}`,
        taskType: 'workers_letter',
        teamId: p.teamId ?? null,
        familyId: letter.familyId,
      }),
    )
    return ids
  },
}
