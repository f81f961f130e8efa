import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { people } from './organisation'
import { councilId, createdAt } from './_helpers'

/**
 * One row per change sent with an Idempotency-Key: claimed before the change runs ('pending'),
 * then holding its answer ('done') so that the same request sent again gets the same answer
 * instead of a second visit, letter or referral. A change that failed leaves no row. Rows older
 * than a day are swept. Keys are per person: nobody can replay another person's answer.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    councilId: councilId().references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    key: text('key').notNull(),
    /** SHA-256 of the method, route, path parameters and body: the same key on another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: text('status', { enum: ['pending', 'done'] })
      .notNull()
      .default('pending'),
    statusCode: integer('status_code'),
    /** The answer as sent (JSON text), replayed byte for byte. */
    response: text('response'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.personId, t.key] })],
)
