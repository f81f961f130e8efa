import { asc, eq } from 'drizzle-orm'
import { bankHolidays } from '@hearth/db/schema/calendar'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '@hearth/domain/bank-holidays'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'

/** Days that are not working days besides weekends: England and Wales's, then the council's own. */
export async function listBankHolidays(deps: Deps, caller: Caller) {
  const own = await deps.db
    .select()
    .from(bankHolidays)
    .where(eq(bankHolidays.councilId, caller.councilId))
    .orderBy(asc(bankHolidays.date))
  return [
    ...ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => ({ ...h, source: 'england_and_wales' as const })),
    ...own.map((h) => ({ date: h.date, name: h.name, source: 'council' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date))
}
