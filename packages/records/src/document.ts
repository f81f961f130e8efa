import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { TASK_TYPES } from '@hearth/domain/admin-tasks'
import { VISIT_KINDS } from '@hearth/domain/allocation'
import { CLOSURE_REASONS, STEP_KINDS } from '@hearth/domain/case-steps'
import { DISABILITIES, ETHNICITY_LABELS, UPN_UNKNOWN } from '@hearth/domain/census-codes'
import { CONTACT_HOLD_REASONS } from '@hearth/domain/contact-holds'
import { FAMILY_MESSAGE_KINDS, LINK_LANGUAGES } from '@hearth/domain/family-voice'
import { COACHING_TOPICS, CONSULTATION_TOPICS } from '@hearth/domain/insight'
import {
  CLOSENESS,
  CONTACT_SAFE,
  NETWORK_LINK_KINDS,
  NETWORK_PERSON_KINDS,
  PARTNERSHIPS,
  SUPPORT,
} from '@hearth/domain/network'
import { PLAN_STATUS } from '@hearth/domain/plan'
import { APPOINTMENT_KEPT, CHANGED_BY, CHILD_SEEN, NOTE_KINDS } from '@hearth/domain/recording'
import { FAMILY_CONSENT, PRIMARY_NEED_CODES, REFERRAL_DECISIONS, REFERRAL_SOURCES } from '@hearth/domain/referrals'
import { SHARING_DECISIONS } from '@hearth/domain/sharing'
import type { RecordBundle, Row } from './gather'
import { RECORD_KINDS } from './kinds'

/** What a reader is told the record is for, on its first page. */
export interface Cover {
  title: string
  lines: string[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
/** Fields a reader has no use for: the row's own id, versions, internal keys. */
const HIDDEN = new Set([
  'id',
  'version',
  'familyId',
  'councilId',
  'addressShownTo',
  'restrictedTo',
  'codeFailures',
  'searchText',
])
/** Secrets and machine keys, whatever the table: `tokenHash`, `idempotencyKey`, `sourceKey`. */
const HIDDEN_ENDING = /(Hash|Key)$/

type Words = Record<string, string | { label: string } | { name: string }>
/** Codes in the record, as the words Hearth shows staff for them, by the field that holds them. */
const FIELD_WORDS: Record<string, Words[]> = {
  kind: [NOTE_KINDS, VISIT_KINDS, FAMILY_MESSAGE_KINDS, STEP_KINDS, NETWORK_LINK_KINDS],
  personKind: [NETWORK_PERSON_KINDS],
  decision: [REFERRAL_DECISIONS, SHARING_DECISIONS],
  source: [REFERRAL_SOURCES],
  primaryNeedCode: [PRIMARY_NEED_CODES],
  familyConsent: [FAMILY_CONSENT],
  consent: [FAMILY_CONSENT],
  appointment: [APPOINTMENT_KEPT],
  changedBy: [CHANGED_BY],
  seen: [CHILD_SEEN],
  closeness: [CLOSENESS],
  contactSafe: [CONTACT_SAFE],
  support: [SUPPORT],
  partnership: [PARTNERSHIPS],
  reason: [CONTACT_HOLD_REASONS, CLOSURE_REASONS],
  topic: [CONSULTATION_TOPICS, COACHING_TOPICS],
  taskType: [TASK_TYPES],
  language: [LINK_LANGUAGES],
  status: [PLAN_STATUS],
  sex: [{ M: 'Male', F: 'Female', U: 'Not known' }],
  ethnicity: [ETHNICITY_LABELS],
  disabilities: [DISABILITIES],
  upnUnknown: [UPN_UNKNOWN],
}
/** Field names a reader would not guess from the words in them. */
const FIELD_LABELS: Record<string, string> = {
  laChildId: 'The council’s reference for the child',
  nhsNumber: 'NHS number',
  upn: 'Unique pupil number',
  upnUnknown: 'Why the unique pupil number is not known',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  createdAt: 'Recorded',
  updatedAt: 'Last changed',
}
/** A code as a machine writes it: `awaiting_decision`, `home_visit`. */
const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/
const sentence = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)

/** A field's code as words ("awaiting_decision" → "Awaiting decision"), or null when it is not one. */
export function codeWords(field: string | undefined, value: string): string | null {
  for (const words of (field && FIELD_WORDS[field]) || []) {
    const w = words[value]
    if (typeof w === 'string') return sentence(w)
    if (w && 'label' in w) return sentence(w.label)
    if (w && 'name' in w) return w.name
  }
  return CODE.test(value) ? sentence(value.replaceAll('_', ' ')) : null
}

/** "startsAt" → "Starts at". */
export function labelOf(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field]
  const words = field
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const day = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
const moment = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** A value as words: dates in full, ids as the names they stand for, codes as words, yes and no. */
export function shown(value: unknown, names: Record<string, string>, field?: string): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') {
    if (UUID.test(value)) return names[value] ?? null
    if (ISO_DAY.test(value)) return day(value)
    if (ISO_TIME.test(value)) return moment(value)
    return codeWords(field, value) ?? value
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => shown(v, names, field)).filter((v): v is string => !!v)
    return parts.length ? parts.join(', ') : null
  }
  if (typeof value === 'object') {
    if ('base64' in value && 'bytes' in value)
      return `A file of ${(value as { bytes: number }).bytes} bytes (in the bundle)`
    const parts = Object.entries(value as Row)
      .filter(([k]) => !HIDDEN.has(k) && !HIDDEN_ENDING.test(k))
      .map(([k, v]) => [k, shown(v, names, k)] as const)
      .filter(([, v]) => v)
      .map(([k, v]) => `${labelOf(k)}: ${v}`)
    return parts.length ? parts.join('; ') : null
  }
  return String(value)
}

/** One record in the readable copy: its title line and its fields, as words. */
export interface OutlineEntry {
  title: string
  fields: { label: string; value: string }[]
}
/** The readable copy as data: the cover, then each kind of record present, in order. */
export interface Outline {
  title: string
  lines: string[]
  sections: { kind: string; label: string; entries: OutlineEntry[] }[]
}

function entryOf(row: Row, order: string | undefined, heading: string | undefined, names: Record<string, string>) {
  const title = [order ? shown(row[order], names, order) : null, heading ? shown(row[heading], names, heading) : null]
    .filter(Boolean)
    .join(' · ')
  const fields = Object.entries(row)
    .filter(([f]) => !HIDDEN.has(f) && !HIDDEN_ENDING.test(f) && f !== order && f !== heading)
    .map(([f, v]) => ({ label: labelOf(f), value: shown(v, names, f) }))
    .filter((f): f is OutlineEntry['fields'][number] => f.value !== null)
  return { title, fields }
}

/**
 * The record as the reader will see it, whatever it is drawn on: the PDF is made from this, and
 * the officer previews the same on screen before producing it.
 */
export function recordOutline(bundle: RecordBundle, cover: Cover): Outline {
  return {
    title: cover.title,
    lines: cover.lines,
    sections: bundle.kinds
      .filter((k) => k.rows.length)
      .map((k) => {
        const def = RECORD_KINDS.find((d) => d.kind === k.kind)
        return {
          kind: k.kind,
          label: k.label,
          entries: k.rows.map((r) => entryOf(r, def?.order, def?.heading, bundle.names)),
        }
      }),
  }
}

function entryContent({ title, fields }: OutlineEntry) {
  return {
    stack: [
      ...(title ? [{ text: title, bold: true, margin: [0, 6, 0, 2] }] : []),
      ...fields.map(({ label, value }) => ({ text: [{ text: `${label}: `, bold: true }, value], fontSize: 9 })),
    ],
    unbreakable: fields.length < 12,
  } as Content
}

/** The whole record as a readable document: a cover, the contents, then each kind of record. */
export function recordDocument(bundle: RecordBundle, cover: Cover): TDocumentDefinitions {
  const outline = recordOutline(bundle, cover)
  const sections: Content[] = outline.sections.flatMap(
    (k) =>
      [{ text: k.label, style: 'h2', tocItem: true, pageBreak: 'before' }, ...k.entries.map(entryContent)] as Content[],
  )
  return {
    info: { title: cover.title, author: bundle.council.name },
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: { h1: { fontSize: 20, bold: true }, h2: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] } },
    footer: (page: number, pages: number) => ({
      text: `${bundle.family.reference} · page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: cover.title, style: 'h1', margin: [0, 0, 0, 12] },
      ...cover.lines.map((l) => ({ text: l, margin: [0, 0, 0, 6] }) as Content),
      { toc: { title: { text: 'Contents', style: 'h2' } }, margin: [0, 18, 0, 0] },
      ...sections,
    ],
  }
}
