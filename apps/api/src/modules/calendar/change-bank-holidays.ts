import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { bankHolidays } from '@hearth/db/schema/calendar'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '@hearth/domain/bank-holidays'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { refreshAllClocks } from '@hearth/db/record-clocks'
import { forgetClockSettings } from '../case-process/clock-queries'

/** A one-off bank holiday: every running clock is worked out again in the same transaction. */
export async function addBankHoliday(deps: Deps, caller: Caller, input: { date: string; name: string }) {
  if (ENGLAND_AND_WALES_BANK_HOLIDAYS.some((h) => h.date === input.date))
    throw new AppError('conflict', 'That day is already a bank holiday.')
  await deps.db.transaction(async (tx) => {
    await tx.insert(bankHolidays).values({ councilId: caller.councilId, date: input.date, name: input.name })
    const clocks = await refreshAllClocks(tx, caller.councilId)
    forgetClockSettings(caller.councilId)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'bank_holiday.create',
      recordType: 'bank_holiday',
      recordId: input.date,
      details: { caseClocksRecomputed: clocks.children, recordClocksMoved: clocks.records },
    })
  })
  return { date: input.date, name: input.name, source: 'council' as const }
}

/** A bank holiday the council added, removed; open clocks are worked out again. */
export async function removeBankHoliday(deps: Deps, caller: Caller, date: string) {
  await deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(bankHolidays)
      .where(and(eq(bankHolidays.councilId, caller.councilId), eq(bankHolidays.date, date)))
      .returning()
    if (!removed.length) throw notFound('bank holiday added by this council')
    await refreshAllClocks(tx, caller.councilId)
    forgetClockSettings(caller.councilId)
    await writeAudit(tx, { ...caller.audit, action: 'bank_holiday.delete', recordType: 'bank_holiday', recordId: date })
  })
  return { ok: true as const }
}
