import { integer, pgTable, real, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './_helpers'

/** The tenant: one local authority's children's services. */
export const councils = pgTable('councils', {
  id: id(),
  name: text('name').notNull(),
  /** DfE three-digit local authority code, used in returns. */
  laCode: text('la_code').notNull(),
  /**
   * How alike (the share of three-word phrases) a new note must be to an earlier one of the same
   * family or author to be shown to its author before saving. The default is measured on the
   * labelled set in packages/domain/test/fixtures/note-pairs.ts (docs/benchmarks.md).
   */
  noteSimilarityThreshold: real('note_similarity_threshold').notNull().default(0.33),
  /**
   * The version of the clock rules this council's stored due dates were worked out by
   * (`CLOCK_RULES_VERSION`): the clocks' sweep works every clock out again when it is older.
   */
  clockRulesVersion: integer('clock_rules_version').notNull().default(1),
  createdAt: createdAt(),
})
export type Council = typeof councils.$inferSelect
