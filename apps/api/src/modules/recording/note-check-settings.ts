import { eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { councils } from '@hearth/db/schema/councils'
import { DEFAULT_SIMILARITY_THRESHOLD } from '@hearth/domain/similarity'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

const asPercent = (t: number) => Math.round(t * 100)

/** The council's copy-paste threshold: the share of three-word phrases that makes notes "very like". */
export async function getNoteCheckSettings(deps: Deps, caller: Caller) {
  const [c] = await deps.db
    .select({ threshold: councils.noteSimilarityThreshold })
    .from(councils)
    .where(eq(councils.id, caller.councilId))
  return {
    percent: asPercent(c?.threshold ?? DEFAULT_SIMILARITY_THRESHOLD),
    defaultPercent: asPercent(DEFAULT_SIMILARITY_THRESHOLD),
  }
}

/** Sets it (an administrator); the audit trail keeps who, when, from and to. */
export async function setNoteCheckSettings(deps: Deps, caller: Caller, input: { percent: number }) {
  const before = await getNoteCheckSettings(deps, caller)
  await deps.db.transaction(async (tx) => {
    await tx
      .update(councils)
      .set({ noteSimilarityThreshold: input.percent / 100 })
      .where(eq(councils.id, caller.councilId))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'council.note_check_threshold',
      recordType: 'council',
      recordId: caller.councilId,
      details: { fromPercent: before.percent, toPercent: input.percent },
    })
  })
  return getNoteCheckSettings(deps, caller)
}
