import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { councils } from '@hearth/db/schema/councils'
import { directoryServices } from '@hearth/db/schema/directory'
import { adults, children, families } from '@hearth/db/schema/families'
import { networkPeople } from '@hearth/db/schema/network'
import { people, teams } from '@hearth/db/schema/organisation'
import { placeGivesAway, WITHHELD } from '@hearth/domain/confidential-address'
import { col, type Keys, RECORD_KINDS, type RecordKind } from './kinds'

/** A row as plain JSON: dates as ISO strings, binary as its base64 and size. */
export type Row = Record<string, unknown>
export interface Binary {
  base64: string
  bytes: number
}

/** A family's whole record: each kind's rows, and the names of everyone its ids refer to. */
export interface RecordBundle {
  format: 'hearth-record/1'
  council: { id: string; name: string }
  family: { id: string; reference: string; name: string }
  exportedAt: string
  kinds: { kind: string; label: string; rows: Row[] }[]
  /** Staff, children, adults, network people, teams and services by id. */
  names: Record<string, string>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    const b = Buffer.from(value)
    return { base64: b.toString('base64'), bytes: b.length } satisfies Binary
  }
  if (Array.isArray(value)) return value.map(plain)
  return value
}

export const rowKey = (k: RecordKind, row: Row) => (k.key ? k.key(row) : String(row.id))

function uuidsIn(value: unknown, out: Set<string>) {
  if (typeof value === 'string' && UUID.test(value)) out.add(value)
  else if (Array.isArray(value)) for (const v of value) uuidsIn(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) uuidsIn(v, out)
}

/** A confidential address, and a place that gives it away, as the person exporting may see it. */
function maskAddress(bundle: RecordBundle, viewerId: string | null) {
  const fam = bundle.kinds.find((k) => k.kind === 'families')?.rows[0]
  if (!fam?.addressConfidential) return
  if (viewerId && (fam.addressShownTo as string[]).includes(viewerId)) return
  const holder = { addressLine1: String(fam.addressLine1), postcode: String(fam.postcode) }
  for (const k of bundle.kinds)
    for (const row of k.rows)
      if (typeof row.place === 'string' && placeGivesAway(row.place, holder)) row.place = WITHHELD
  Object.assign(fam, { addressLine1: WITHHELD, addressLine2: null, town: 'Withheld', postcode: 'Withheld' })
}

/**
 * Reads everything Hearth holds about a family, kind by kind (`onKind` after each, for the
 * progress bar). `viewerId`: whose export it is, for a confidential address (null: nobody's).
 */
export async function gatherRecord(
  db: Db,
  councilId: string,
  familyId: string,
  viewerId: string | null,
  onKind: (done: number) => Promise<void> = async () => {},
): Promise<RecordBundle> {
  const [head] = await db
    .select({ id: families.id, reference: families.reference, name: families.name, council: councils.name })
    .from(families)
    .innerJoin(councils, eq(councils.id, families.councilId))
    .where(and(eq(families.councilId, councilId), eq(families.id, familyId)))
  if (!head) throw new Error('record_family_missing')
  const keys: Keys = { familyId, ids: {} }
  const kinds: RecordBundle['kinds'] = []
  let done = 0
  for (const k of RECORD_KINDS) {
    const where = k.where(keys)
    const found = where
      ? await db
          .select()
          .from(k.table)
          .where(and(eq(col(k.table, 'councilId'), councilId), where))
          .orderBy(...(k.order ? [asc(col(k.table, k.order))] : []))
      : []
    const omit = new Set(['councilId', ...(k.omit ?? [])])
    const rows = found.map((r) =>
      Object.fromEntries(
        Object.entries(r as Row)
          .filter(([f]) => !omit.has(f))
          .map(([f, v]) => [f, plain(v)]),
      ),
    )
    keys.ids[k.kind] = rows.map((r) => rowKey(k, r))
    for (const [name, field] of Object.entries(k.exposes ?? {})) keys.ids[name] = rows.map((r) => String(r[field]))
    kinds.push({ kind: k.kind, label: k.label, rows })
    await onKind(++done)
  }
  const bundle: RecordBundle = {
    format: 'hearth-record/1',
    council: { id: councilId, name: head.council },
    family: { id: head.id, reference: head.reference, name: head.name },
    exportedAt: new Date().toISOString(),
    kinds,
    names: await namesOf(db, councilId, kinds),
  }
  maskAddress(bundle, viewerId)
  return bundle
}

/** The names behind every id the record refers to: staff, children, adults, network, teams, services. */
async function namesOf(db: Db, councilId: string, kinds: RecordBundle['kinds']) {
  const ids = new Set<string>()
  for (const k of kinds) for (const r of k.rows) for (const [f, v] of Object.entries(r)) if (f !== 'id') uuidsIn(v, ids)
  const list = [...ids]
  const names: Record<string, string> = {}
  if (!list.length) return names
  const lookups = [
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.councilId, councilId), inArray(people.id, list))),
    db
      .select({ id: adults.id, name: adults.name })
      .from(adults)
      .where(and(eq(adults.councilId, councilId), inArray(adults.id, list))),
    db
      .select({ id: networkPeople.id, name: networkPeople.name })
      .from(networkPeople)
      .where(and(eq(networkPeople.councilId, councilId), inArray(networkPeople.id, list))),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.councilId, councilId), inArray(teams.id, list))),
    db
      .select({ id: directoryServices.id, name: directoryServices.name })
      .from(directoryServices)
      .where(and(eq(directoryServices.councilId, councilId), inArray(directoryServices.id, list))),
  ]
  // one after another: the record may be gathered inside a transaction (one connection)
  for (const q of lookups) for (const r of await q) names[r.id] = r.name
  const kids = await db
    .select({ id: children.id, first: children.firstName, last: children.lastName })
    .from(children)
    .where(and(eq(children.councilId, councilId), inArray(children.id, list)))
  for (const c of kids) names[c.id] = `${c.first} ${c.last}`
  return names
}
