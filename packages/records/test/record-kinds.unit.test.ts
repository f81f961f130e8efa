import { getTableColumns, is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import * as schema from '@hearth/db/schema'
import { NOT_IN_RECORD, RECORD_KINDS } from '../src/kinds'

const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable))

/**
 * Every table that holds something about a family or a child, read from the schema: a
 * `family_id` or `child_id` column, or a foreign key to such a table (a note's addenda, a
 * proposal's decisions), however deep.
 */
function recordTables(): string[] {
  const configs = tables.map((t) => getTableConfig(t))
  const found = new Set(
    configs.filter((c) => c.columns.some((col) => ['family_id', 'child_id'].includes(col.name))).map((c) => c.name),
  )
  found.add('families')
  for (let grew = true; grew; ) {
    grew = false
    for (const c of configs) {
      if (found.has(c.name)) continue
      const refs = c.foreignKeys.map((f) => getTableConfig(f.reference().foreignTable).name)
      if (refs.some((r) => found.has(r) && r !== 'councils')) {
        found.add(c.name)
        grew = true
      }
    }
  }
  return [...found].sort()
}

describe('the whole record', () => {
  it('takes in every kind of record in the schema, or says why a table is not part of it', () => {
    const covered = new Set([...RECORD_KINDS.map((k) => k.kind), ...Object.keys(NOT_IN_RECORD)])
    const missing = recordTables().filter((t) => !covered.has(t))
    expect(missing, 'add these to RECORD_KINDS (or NOT_IN_RECORD, with why)').toEqual([])
  })

  it('names only real tables, each once, and every kind’s table is the one it says', () => {
    const names = tables.map((t) => getTableConfig(t).name)
    for (const k of RECORD_KINDS) {
      expect(getTableConfig(k.table).name).toBe(k.kind)
      const fields = Object.keys(getTableColumns(k.table))
      for (const f of [k.order, k.heading, ...(k.omit ?? [])].filter(Boolean))
        expect(fields, `${k.kind}.${f}`).toContain(f)
    }
    for (const n of Object.keys(NOT_IN_RECORD)) expect(names).toContain(n)
    const kinds = RECORD_KINDS.map((k) => k.kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    expect(kinds.filter((k) => k in NOT_IN_RECORD)).toEqual([])
    expect(recordTables().length).toBeGreaterThan(35)
  })
})
