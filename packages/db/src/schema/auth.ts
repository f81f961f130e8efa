import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { people } from './organisation'
import { councilId, createdAt } from './_helpers'

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    councilId: councilId().references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Idle expiry, pushed forward on use. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Hard end, however active the session. */
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_council_person_idx').on(t.councilId, t.personId)],
)
export type Session = typeof sessions.$inferSelect
