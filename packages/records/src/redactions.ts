import { placeGivesAway } from '@hearth/domain/confidential-address'
import { isProfessionalSource, type ReferralSource } from '@hearth/domain/referrals'
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
/** In the officer's preview only: a passage still to be decided, left out until it is. */
export const UNDECIDED_MARK = '[not yet decided]'

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const wordsOf = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(name)}(?![\\p{L}\\p{N}])`, 'giu')

/**
 * A withheld passage wherever it stands in a field: a single capitalised word (a first name, a
 * short form) only as a name is written, so withholding "Will" leaves "will" alone.
 */
const passageOf = (passage: string) =>
  /^\p{Lu}[\p{L}]*$/u.test(passage)
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${escapeRe(passage)}|${escapeRe(passage.toUpperCase())})(?![\\p{L}\\p{N}])`,
        'gu',
      )
    : wordsOf(passage)

/** Titles written before a surname ("Mr Brightwater", "Dr. Okafor"). */
const TITLES = '(?:mr|mrs|ms|miss|mx|dr|master)\\.?'
const B = '(?<![\\p{L}\\p{N}])'
const E = '(?![\\p{L}\\p{N}])'

/**
 * The ways a person's name is written in a worker's or a family's words, beyond the name as
 * recorded: across a line break, surname first ("Brightwater, Kevin"), a title or an initial with
 * the surname ("Mr Brightwater", "K. Brightwater"), the first name alone, a short form of it
 * ("Kev"), and the surname alone when it is not the requester's own. Words of the requester's
 * own name are never marked alone.
 */
function nameVariants(full: string, own: Set<string>): RegExp[] {
  const parts = full.trim().split(/\s+/).filter(Boolean)
  const first = parts[0] ?? ''
  const last = parts.length > 1 ? parts.at(-1)! : ''
  const q = escapeRe
  // a single word is looked for as a name is written (capital first: "Will", not "will")
  const cap = (w: string) => q(w.charAt(0).toUpperCase() + w.slice(1))
  const any: string[] = [parts.map(q).join('\\s+')]
  const named: string[] = []
  if (last) {
    any.push(`${q(last)},\\s*${q(first)}`, `${TITLES}\\s+${q(last)}`, `${q(first[0]!)}\\.?\\s*${q(last)}`)
    if (!own.has(last.toLowerCase()) && last.length >= 3) named.push(cap(last))
  }
  if (first.length >= 3 && !own.has(first.toLowerCase())) {
    named.push(cap(first))
    for (const n of [3, 4])
      if (first.length > n + 1 && !own.has(first.slice(0, n).toLowerCase())) named.push(cap(first.slice(0, n)))
  }
  return [...any.map((p) => new RegExp(`${B}${p}${E}`, 'giu')), ...named.map((p) => new RegExp(`${B}${p}${E}`, 'gu'))]
}

/** One letter added, dropped or changed: a name misspelt ("Brightwatter"). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const tail = (x: string, y: string) => x === y
  if (a.length === b.length) return tail(a.slice(i + 1), b.slice(i + 1))
  return a.length > b.length ? tail(a.slice(i + 1), b.slice(i)) : tail(a.slice(i), b.slice(i + 1))
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Contact details written in free text: phone numbers, email addresses, street addresses, postcodes. */
const DETAIL_PATTERNS: RegExp[] = [
  /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Lane|Avenue|Close|Drive|Way|Court|Place|Crescent|Gardens|Terrace|Grove|Hill|Row|Walk|Square|Rise|Mews|Park|View)\b/g,
  /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g,
]

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
  const rowsOf = (kind: string) => bundle.kinds.find((k) => k.kind === kind)?.rows ?? []
  const me =
    requester.kind === 'adult'
      ? rowsOf('adults').find((a) => a.id === requester.id)
      : rowsOf('children').find((c) => c.id === requester.id)
  const myName = me ? (requester.kind === 'adult' ? String(me.name) : `${me.firstName} ${me.lastName}`) : ''
  const own = new Set(myName.toLowerCase().split(/\s+/).filter(Boolean))
  // each name's patterns made once, not once per field they are looked for in
  const names = others.flatMap((o) => o.names.flatMap((name) => nameVariants(name, own)))
  const nameParts = [
    ...new Set(
      others
        .flatMap((o) => o.names.flatMap((n) => n.toLowerCase().split(/\s+/)))
        .filter((w) => w.length >= 5 && !own.has(w)),
    ),
  ]
  const family = bundle.kinds.find((k) => k.kind === 'families')?.rows[0] as Row | undefined
  const confidential = !!family?.addressConfidential
  // the requester's own home and phone are theirs to have
  const squash = (x: unknown) =>
    String(x ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  const mine = new Set([squash(family?.addressLine1), squash(family?.postcode), squash(me?.phone)].filter(Boolean))
  // who holds each of the family's links: another holder's words are theirs, withheld whole
  const linkHolder = new Map(rowsOf('family_links').map((l) => [String(l.id), String(l.adultId ?? l.childId)]))
  for (const k of bundle.kinds) {
    const def = RECORD_KINDS.find((d) => d.kind === k.kind)!
    for (const row of k.rows) {
      const rowId = rowKey(def, row)
      const whole = (field: string, reason: RedactionReason, fixed = false) => {
        if (row[field] !== null && row[field] !== undefined && row[field] !== '')
          add({ kind: k.kind, rowId, field, passage: null, reason, fixed }, row)
      }
      const ownRow = others.find((o) => o.kind === k.kind && o.id === row.id)
      if (ownRow) for (const f of DETAILS[k.kind] ?? []) whole(f, 'third_party_details')
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
      // where a looked-after child is placed is the parents' to know only if the council tells them
      const placedAt = k.kind === 'case_steps' && row.kind === 'placement' ? (row.details as Row)?.postcode : null
      if (requester.kind === 'adult' && typeof placedAt === 'string' && placedAt)
        add(
          { kind: k.kind, rowId, field: 'details', passage: placedAt, reason: 'confidential_address', fixed: true },
          row,
        )
      if (k.kind === 'family_messages' && row.linkId && linkHolder.get(String(row.linkId)) !== requester.id) {
        // said through another person's link ("please do not tell Mum I said this"): theirs, whole
        whole('words', 'third_party_details')
        whole('answer', 'third_party_details')
        continue
      }
      for (const [field, value] of Object.entries(row)) {
        if (NOT_SCANNED.has(field) || /Ids?$/.test(field) || ownRow) continue
        for (const text of textsIn(value).filter((x) => !UUID_TEXT.test(x))) {
          const mark = (passage: string, reason: RedactionReason) =>
            add({ kind: k.kind, rowId, field, passage, reason, fixed: false }, row)
          for (const pattern of names) for (const m of text.matchAll(pattern)) mark(m[0], 'third_party_name')
          for (const word of text.match(/[\p{L}]{5,}/gu) ?? [])
            if (nameParts.some((n) => oneEditApart(word.toLowerCase(), n))) mark(word, 'third_party_name')
          for (const pattern of DETAIL_PATTERNS)
            for (const m of text.matchAll(pattern)) if (!mine.has(squash(m[0]))) mark(m[0], 'third_party_details')
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

function redactValue(value: unknown, passage: RegExp, mark: string): unknown {
  if (typeof value === 'string') return value.replace(passage, mark)
  if (Array.isArray(value)) return value.map((v) => redactValue(v, passage, mark))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, passage, mark)]))
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
  mark = WITHHELD_MARK,
): RecordBundle {
  const copy: RecordBundle = structuredClone(bundle)
  const sorted = [...withheld].sort((a, b) => (b.passage?.length ?? 1e9) - (a.passage?.length ?? 1e9))
  for (const w of sorted) {
    const def = RECORD_KINDS.find((d) => d.kind === w.kind)
    const row = copy.kinds.find((k) => k.kind === w.kind)?.rows.find((r) => def && rowKey(def, r) === w.rowId)
    if (!row || !(w.field in row)) continue
    if (w.passage === null) {
      row[w.field] = mark
      if (['name', 'firstName', 'lastName'].includes(w.field) && copy.names[w.rowId]) copy.names[w.rowId] = mark
    } else row[w.field] = redactValue(row[w.field], passageOf(w.passage), mark)
  }
  return copy
}
