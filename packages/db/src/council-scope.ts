import { is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import * as schema from './schema'

/** Every table with a `council_id` column: a query on one of them must say which council. */
export const COUNCIL_SCOPED_TABLES: ReadonlySet<string> = new Set(
  (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => is(t, PgTable))
    .map((t) => getTableConfig(t))
    .filter((c) => c.columns.some((col) => col.name === 'council_id'))
    .map((c) => c.name),
)

/**
 * Queries that may reach across councils, each with the reason. Matched against the start of
 * the statement (after whitespace is squeezed), so a new query is never exempt by accident.
 */
export const CROSS_COUNCIL_ALLOWED: readonly { sql: RegExp; why: string }[] = [
  {
    sql: /^select .* from "sessions" s join "people" p .* where s\.token_hash = \$1 /,
    why: 'sign-in state: the session token (by its hash) is what tells us the council',
  },
  {
    sql: /^update "sessions" set .* where "sessions"\."token_hash" = \$\d+$/,
    why: 'the session row named by its token hash, which is unique across councils',
  },
  {
    sql: /^delete from "sessions" where "sessions"\."token_hash" = \$1$/,
    why: 'signing out: the session named by its token hash',
  },
  {
    sql: /^select l\.id, l\.council_id, [^;]* from "family_links" l where l\.token_hash = \$1 and /,
    why: 'a family link: its token (by its hash, unique across councils) is what tells us the council',
  },
  {
    sql: /^select [^;]* from "people" where "people"\."email" = \$1 limit \$2$/,
    why: 'sign-in by email alone (before anyone is signed in): it goes ahead only if exactly one council has the address',
  },
  {
    sql: /^select .* from "outbox" where \("outbox"\."dispatched_at" is null and not exists /,
    why: 'the outbox relay moves every council’s jobs to the queue; each job names its council',
  },
  {
    sql: /^select .* from "outbox" where \("outbox"\."dispatched_at" is not null and "outbox"\."finished_at" is null /,
    why: 'the outbox sweep looks in BullMQ for every council’s unfinished jobs; each job names its council',
  },
  {
    sql: /^update "outbox" set .* where "outbox"\."id" in /,
    why: 'the relay marks the rows it has just read (by their ids) as handed over',
  },
]

const IDENT = '(?:"([a-z_0-9]+)"|([a-z_][a-z_0-9]*))'
/** `from "t"`, `join "t" x`, `update "t"`, `insert into "t"`, `delete from "t"`, with an optional alias. */
const TABLE_REF = new RegExp(
  `\\b(from|join|update|into)\\s+${IDENT}(?:\\s+(?:as\\s+)?(?!(?:where|on|set|left|right|inner|full|cross|join|order|group|limit|for|using|returning|values|select|union|lateral)\\b)${IDENT})?`,
  'gi',
)

/** A statement refused by the guard; the messages name tables, never values. */
export class CouncilScopeError extends Error {
  constructor(readonly problems: string[]) {
    super(`council scope: ${problems.join('; ')}`)
  }
}

/** A drizzle logger that refuses (throws before it runs) any statement without its council. */
export const councilScopeGuard = {
  logQuery(query: string): void {
    const problems = unscopedTables(query)
    if (problems.length) throw new CouncilScopeError(problems)
  },
}

/**
 * The council-scoped tables a statement touches without naming the council: for each reference
 * (by its name or alias) `council_id` must appear in a comparison (`= …`, `in …`), or, for an
 * insert, in the column list. Returns one message per unscoped table; none for a scoped statement.
 */
export function unscopedTables(statement: string): string[] {
  const text = statement.replace(/\s+/g, ' ').trim()
  if (CROSS_COUNCIL_ALLOWED.some((a) => a.sql.test(text))) return []
  const problems: string[] = []
  const refs = [...text.matchAll(TABLE_REF)].filter((m) => COUNCIL_SCOPED_TABLES.has((m[2] ?? m[3])!))
  // With one scoped table in the statement, a bare `council_id` can only be that table's.
  const bare = refs.length === 1 && /(?<![."])\bcouncil_id\s*(?:=|\bin\b)/i.test(text)
  for (const m of refs) {
    const verb = m[1]!.toLowerCase()
    const table = (m[2] ?? m[3])!
    const alias = m[4] ?? m[5]
    if (verb === 'into') {
      const cols = text.slice(m.index! + m[0].length).match(/^\s*\(([^)]*)\)/)
      if (cols && /\bcouncil_id\b/.test(cols[1]!)) continue
      problems.push(`insert into ${table} without council_id`)
      continue
    }
    const names = [`"${table}"`, table, ...(alias ? [`"${alias}"`, alias] : [])].map((n) =>
      n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    const ref = `(?:${names.join('|')})\\."?council_id"?`
    const compared = new RegExp(`${ref}\\s*(?:=|<>|\\bin\\b|\\bis\\b)|(?:=|\\bin\\s*\\()\\s*${ref}`, 'i')
    if (!bare && !compared.test(text))
      problems.push(`${verb} ${table}${alias ? ` ${alias}` : ''} without its council_id`)
  }
  return problems
}
