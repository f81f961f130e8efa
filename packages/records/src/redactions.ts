import { isProfessionalSource, placeGivesAway, type ReferralSource } from '@hearth/domain'
import type { RecordBundle, Row } from './gather'
import { rowKey } from './gather'
import { RECORD_KINDS } from './kinds'

export type RedactionReason = 'third_party_name' | 'third_party_details' | 'other_agency' | 'confidential_address'

/** Something Hearth marks for the officer to review: a passage of a field, or the whole field. */
export interface ProposedRedaction {
  kind: string
  rowId: string
  field: string
  passage: string | null
  reason: RedactionReason
  /** Always withheld: a confidential address. */
  fixed: boolean
  /** The words around the passage (the field's start for a whole field), to judge it by. */
  context: string
}

const asText = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)

/** The words around a passage (the field's start for a whole field), enough to judge it. */
export function around(value: string, passage: string | null, room = 160): string {
  const at = passage ? value.toLowerCase().indexOf(passage.toLowerCase()) : -1
  if (at < 0) return value.length > room * 2 ? `${value.slice(0, room * 2)}…` : value
  const from = Math.max(0, at - room)
  const to = Math.min(value.length, at + passage!.length + room)
  return `${from > 0 ? '…' : ''}${value.slice(from, to)}${to < value.length ? '…' : ''}`
}

export interface Requester {
  kind: 'adult' | 'child'
  id: string
}

export const WITHHELD_MARK = '[withheld]'

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const wordsOf = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(name)}(?![\\p{L}\\p{N}])`, 'giu')

/** Details of another person, in that person's own row: withheld whole. */
const DETAILS: Record<string, string[]> = {
  adults: ['name', 'description', 'phone'],
  children: [
    'firstName',
    'lastName',
    'dateOfBirth',
    'expectedDateOfBirth',
    'nhsNumber',
    'upn',
    'laChildId',
    'ethnicity',
    'disabilities',
    'sex',
  ],
  network_people: ['name', 'bornYear', 'diedYear', 'role'],
}
/** Fields naming other people present, in the worker's words. */
const OTHERS_PRESENT: Record<string, string[]> = { notes: ['othersPresent'], visits: ['othersAttending'] }
/** Fields that are not the worker's or family's words: codes, names of staff, dates. */
const NOT_SCANNED = new Set(['id', 'status', 'kind', 'role', 'reference', 'source', 'sex', 'ethnicity'])

/** Who else the record is about: every adult, child and network person but the requester. */
function thirdParties(bundle: RecordBundle, requester: Requester) {
  const rows = (kind: string) => bundle.kinds.find((k) => k.kind === kind)?.rows ?? []
  const out: { kind: string; id: string; names: string[] }[] = []
  for (const a of rows('adults'))
    if (!(requester.kind === 'adult' && a.id === requester.id))
      out.push({ kind: 'adults', id: String(a.id), names: [String(a.name)] })
  for (const c of rows('children'))
    if (!(requester.kind === 'child' && c.id === requester.id))
      out.push({ kind: 'children', id: String(c.id), names: [`${c.firstName} ${c.lastName}`, String(c.firstName)] })
  for (const p of rows('network_people')) {
    const mine = requester.kind === 'adult' ? p.adultId === requester.id : p.childId === requester.id
    if (!mine) out.push({ kind: 'network_people', id: String(p.id), names: [String(p.name)] })
  }
  for (const t of out) t.names = t.names.filter((n) => n.trim().length >= 3)
  return out
}

/**
 * What a subject access request's copy should withhold, for the officer to review: other people's
 * names wherever they are written, other people's details in their own rows, what other agencies
 * told the council (and who referred), and a confidential address (always).
 */
export function proposeRedactions(bundle: RecordBundle, requester: Requester): ProposedRedaction[] {
  const out = new Map<string, ProposedRedaction>()
  /** `row`: the row the passage is in, for the words around it. */
  const add = (p: Omit<ProposedRedaction, 'context'>, row: Row) => {
    const key = `${p.kind}|${p.rowId}|${p.field}|${p.passage?.toLowerCase() ?? ''}`
    if (!out.has(key)) out.set(key, { ...p, context: around(asText(row[p.field]), p.passage) })
  }
  const others = thirdParties(bundle, requester)
  // each name's pattern made once, not once per field it is looked for in
  const names = others.flatMap((o) => o.names.map((name) => ({ name, pattern: wordsOf(name) })))
  const family = bundle.kinds.find((k) => k.kind === 'families')?.rows[0] as Row | undefined
  const confidential = !!family?.addressConfidential
  for (const k of bundle.kinds) {
    const def = RECORD_KINDS.find((d) => d.kind === k.kind)!
    for (const row of k.rows) {
      const rowId = rowKey(def, row)
      const whole = (field: string, reason: RedactionReason, fixed = false) => {
        if (row[field] !== null && row[field] !== undefined && row[field] !== '')
          add({ kind: k.kind, rowId, field, passage: null, reason, fixed }, row)
      }
      const own = others.find((o) => o.kind === k.kind && o.id === row.id)
      if (own) for (const f of DETAILS[k.kind] ?? []) whole(f, 'third_party_details')
      for (const f of OTHERS_PRESENT[k.kind] ?? []) whole(f, 'third_party_name')
      if (k.kind === 'referrals') {
        const agency = isProfessionalSource(row.source as ReferralSource)
        for (const f of ['referrerName', 'referrerContact']) whole(f, agency ? 'other_agency' : 'third_party_details')
        if (agency) for (const f of ['referrerOrganisation', 'worries', 'familyKnowledge']) whole(f, 'other_agency')
      }
      if (confidential && family) {
        if (k.kind === 'families')
          for (const f of ['addressLine1', 'addressLine2', 'town', 'postcode']) whole(f, 'confidential_address', true)
        const holder = { addressLine1: String(family.addressLine1), postcode: String(family.postcode) }
        if (typeof row.place === 'string' && placeGivesAway(row.place, holder))
          whole('place', 'confidential_address', true)
      }
      for (const [field, value] of Object.entries(row)) {
        if (NOT_SCANNED.has(field) || own) continue
        for (const text of textsIn(value))
          for (const { name, pattern } of names) {
            pattern.lastIndex = 0
            if (pattern.test(text))
              add({ kind: k.kind, rowId, field, passage: name, reason: 'third_party_name', fixed: false }, row)
          }
      }
    }
  }
  return [...out.values()]
}

function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsIn)
  return []
}

function redactValue(value: unknown, passage: RegExp): unknown {
  if (typeof value === 'string') return value.replace(passage, WITHHELD_MARK)
  if (Array.isArray(value)) return value.map((v) => redactValue(v, passage))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, passage)]))
  return value
}

/**
 * The record with each withheld passage or field replaced by "[withheld]", longest passages
 * first (a full name before the first name in it). A person whose name is withheld in their own
 * row is withheld wherever the record refers to them by id.
 */
export function applyRedactions(
  bundle: RecordBundle,
  withheld: Pick<ProposedRedaction, 'kind' | 'rowId' | 'field' | 'passage'>[],
): RecordBundle {
  const copy: RecordBundle = structuredClone(bundle)
  const sorted = [...withheld].sort((a, b) => (b.passage?.length ?? 1e9) - (a.passage?.length ?? 1e9))
  for (const w of sorted) {
    const def = RECORD_KINDS.find((d) => d.kind === w.kind)
    const row = copy.kinds.find((k) => k.kind === w.kind)?.rows.find((r) => def && rowKey(def, r) === w.rowId)
    if (!row || !(w.field in row)) continue
    if (w.passage === null) {
      row[w.field] = WITHHELD_MARK
      if (['name', 'firstName', 'lastName'].includes(w.field) && copy.names[w.rowId])
        copy.names[w.rowId] = WITHHELD_MARK
    } else row[w.field] = redactValue(row[w.field], wordsOf(w.passage))
  }
  return copy
}
