import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import pino from 'pino'
import type { Db } from '@hearth/db/client'
import { requestForLog } from '@hearth/api/log'

/**
 * Every log line the API and worker write during a test file, at debug level, kept in memory so
 * that, before the file's database is dropped, `personalDataInLogs` can look in them for the
 * personal data that database holds (#18 finding 2: nothing personal in any log line or job
 * failure, over the whole suite).
 */
const lines: string[] = []
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) if (line) lines.push(line)
    done()
  },
})

/** The Fastify logger options for a test app: as in production, but at debug level and captured. */
export const apiTestLogger = () => ({ level: 'debug', serializers: { req: requestForLog }, stream })

/** A pino logger for a test worker, captured. */
export const testLogger = () => pino({ level: 'debug' }, stream)

export const capturedLogLines = (): readonly string[] => lines

/**
 * The personal values this database holds that appear in a captured log line: children's names,
 * dates of birth, NHS numbers and UPNs; families' names, addresses and postcodes; the adults'
 * names and phone numbers; staff names and email addresses. Each finding names the column only.
 */
export async function personalDataInLogs(db: Db): Promise<string[]> {
  if (lines.length === 0) return []
  const res = (await db.execute(sql`
    select 'children.name' as what, first_name || ' ' || last_name as value from children
    union all select 'children.date_of_birth', date_of_birth::text from children where date_of_birth is not null
    union all select 'children.nhs_number', nhs_number from children where nhs_number is not null
    union all select 'children.upn', upn from children where upn is not null
    union all select 'families.name', name from families
    union all select 'families.address_line1', address_line1 from families
    union all select 'families.postcode', postcode from families
    union all select 'adults.name', name from adults
    union all select 'adults.phone', phone from adults where phone is not null
    union all select 'people.name', name from people
    union all select 'people.email', email from people`)) as unknown as { rows: { what: string; value: string }[] }
  const values = res.rows.filter((r) => r.value && r.value.length >= 6)
  const found = new Set<string>()
  for (const line of lines) {
    for (const v of values) if (line.includes(v.value)) found.add(`${v.what} in: ${line.slice(0, 160)}`)
  }
  return [...found]
}

/** Only for the scan's own test: forgets the lines it planted. */
export function forgetLogLines() {
  lines.length = 0
}
