import { pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './_helpers'

/** The tenant: one local authority's children's services. */
export const councils = pgTable('councils', {
  id: id(),
  name: text('name').notNull(),
  /** DfE three-digit local authority code, used in returns. */
  laCode: text('la_code').notNull(),
  createdAt: createdAt(),
})
export type Council = typeof councils.$inferSelect
