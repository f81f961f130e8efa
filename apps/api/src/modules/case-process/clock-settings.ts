import { and, desc, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { clockSettings, DEFAULT_WARNING_DAYS, WARNING_SETTING } from '@hearth/db/case-process'
import { clockLengths } from '@hearth/db/schema/case-process'
import { people } from '@hearth/db/schema/organisation'
import { CLOCK_IDS, CLOCKS, type ClockId } from '@hearth/domain/clocks'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { forgetClockSettings, refreshCouncilClocks } from './clock-queries'
import type { Caller } from '../../kernel/caller'

/** The clocks, their lengths in this council and each length's history. */
export async function clockSettingsView(deps: Deps, caller: Caller) {
  const { lengths, warningDays } = await clockSettings(deps.db, caller.councilId)
  const history = await deps.db
    .select({
      clock: clockLengths.clock,
      length: clockLengths.length,
      reason: clockLengths.reason,
      at: clockLengths.createdAt,
      by: people.name,
    })
    .from(clockLengths)
    .innerJoin(people, and(eq(people.id, clockLengths.setBy), eq(people.councilId, clockLengths.councilId)))
    .where(eq(clockLengths.councilId, caller.councilId))
    .orderBy(desc(clockLengths.createdAt), desc(clockLengths.id))
  const historyOf = (clock: string) =>
    history
      .filter((h) => h.clock === clock)
      .map((h) => ({ length: h.length, reason: h.reason, setBy: h.by, setAt: h.at.toISOString() }))
  return [
    {
      clock: WARNING_SETTING,
      label: 'Warn that something is due soon',
      unit: 'working_days' as const,
      force: 'local' as const,
      source: 'Local: how many working days before a due date the lead, co-worker and team are told',
      defaultLength: DEFAULT_WARNING_DAYS,
      length: warningDays,
      history: historyOf(WARNING_SETTING),
    },
    ...CLOCK_IDS.map((id) => {
      const c = CLOCKS[id]
      return {
        clock: id,
        label: c.label,
        unit: c.unit,
        force: c.force,
        source: c.source,
        defaultLength: c.length,
        length: lengths[id] ?? c.length,
        history: historyOf(id),
      }
    }),
  ]
}

/** Sets a local clock's length (or the warning); every running clock is worked out again at once. */
export async function setClockLength(
  deps: Deps,
  caller: Caller,
  clock: string,
  input: { length: number; reason: string },
) {
  const known = clock === WARNING_SETTING || (CLOCK_IDS as string[]).includes(clock)
  if (!known) throw notFound('clock')
  if (clock !== WARNING_SETTING && CLOCKS[clock as ClockId].force !== 'local')
    throw new AppError('forbidden', 'This timescale is set in law or statutory guidance: a council cannot change it.')
  if (clock === WARNING_SETTING && input.length > 20) throw invalid('body.length', 'must be at most 20 working days')
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`clock-lengths:${caller.councilId}`}, 0))`)
    await tx.insert(clockLengths).values({
      councilId: caller.councilId,
      clock,
      length: input.length,
      reason: input.reason,
      setBy: caller.personId,
    })
    const n = await refreshCouncilClocks(tx, caller.councilId)
    forgetClockSettings(caller.councilId)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'clock_length.set',
      recordType: 'clock',
      recordId: clock,
      details: { length: input.length, clocksRecomputed: n },
    })
  })
  return (await clockSettingsView(deps, caller)).find((c) => c.clock === clock)!
}
