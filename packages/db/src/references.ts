import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Executor } from './client'

const SEQUENCES = {
  family: ['family_reference_seq', 'F'],
  referral: ['referral_reference_seq', 'R'],
  sar: ['sar_reference_seq', 'S'],
} as const

/** The next human reference for a family or referral, e.g. "F-00042". Safe under concurrency. */
export async function nextReference(ex: Executor, kind: keyof typeof SEQUENCES): Promise<string> {
  const [seq, letter] = SEQUENCES[kind]
  const r = await ex.execute(sql.raw(`select nextval('${seq}')::int as n`))
  const n = (r as unknown as { rows: { n: number }[] }).rows[0]!.n
  return `${letter}-${String(n).padStart(5, '0')}`
}

/** A census LAchildID for a new child: at most 20 letters and digits, unique in practice (the database enforces it). */
export function newLaChildId(): string {
  return `H${Date.now().toString(36).toUpperCase()}${randomBytes(5).toString('hex').toUpperCase()}`.slice(0, 20)
}
