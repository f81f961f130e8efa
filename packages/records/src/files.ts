import { strToU8, zipSync } from 'fflate'
import { toCsv } from '@hearth/domain/csv'
import type { RecordBundle } from './gather'

/** The record as one JSON document (for a system move): every kind, every field, names by id. */
export function recordJson(bundle: RecordBundle): Buffer {
  return Buffer.from(JSON.stringify(bundle, null, 1))
}

const cell = (v: unknown) => {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('; ')
  if (typeof v === 'object') return 'base64' in v ? (v as { base64: string }).base64 : JSON.stringify(v)
  return v
}

/** The record as CSV files, one per kind (its own header), and names.csv, in one zip. */
export function recordCsvZip(bundle: RecordBundle): Buffer {
  const files: Record<string, Uint8Array> = {}
  bundle.kinds.forEach((k, i) => {
    const header = [...new Set(k.rows.flatMap((r) => Object.keys(r)))]
    const rows = k.rows.map((r) => header.map((h) => cell(r[h])))
    files[`${String(i + 1).padStart(2, '0')}-${k.kind}.csv`] = strToU8(toCsv(header, rows))
  })
  files['names.csv'] = strToU8(toCsv(['id', 'name'], Object.entries(bundle.names)))
  files['README.txt'] = strToU8(
    [
      `The record of family ${bundle.family.reference}, ${bundle.council.name}, exported ${bundle.exportedAt}.`,
      'One CSV file per kind of record, in the order of the readable PDF; ids in any column are',
      'explained in names.csv (staff, children, adults, network, teams and services). Binary',
      'columns (letters as PDF) are base64.',
      '',
    ].join('\n'),
  )
  return Buffer.from(zipSync(files, { level: 6 }))
}
