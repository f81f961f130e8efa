import { date, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { councilId, createdAt } from './_helpers'

/** Bank holidays a council adds by hand (one-off days announced at short notice). */
export const bankHolidays = pgTable(
  'bank_holidays',
  {
    councilId: councilId().references(() => councils.id),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bank_holidays_pk').on(t.councilId, t.date)],
)
