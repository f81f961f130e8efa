import { sql } from 'drizzle-orm'
import type { Executor } from './client'

const SEQUENCES = { family: ['family_reference_seq', 'F'], referral: ['referral_reference_seq', 'R'] } as const

/** The next human reference for a family or referral, e.g. "F-00042". Safe under concurrency. */
export async function nextReference(ex: Executor, kind: keyof typeof SEQUENCES): Promise<string> {
  const [seq, letter] = SEQUENCES[kind]
  const r = await ex.execute(sql.raw(`select nextval('${seq}')::int as n`))
  const n = (r as unknown as { rows: { n: number }[] }).rows[0]!.n
  return `${letter}-${String(n).padStart(5, '0')}`
}
