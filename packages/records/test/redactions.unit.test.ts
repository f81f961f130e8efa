import { describe, expect, it } from 'vitest'
import { applyRedactions, proposeRedactions, type RecordBundle } from '../src'

/**
 * #31: a subject access copy for a parent must not release other people. Found from outside:
 * only exact full names were marked, so 12 of 17 ways of writing a third party survived, and a
 * young person's words through their own link went out to the parent unmarked.
 */
const MUM = '00000000-0000-4000-8000-000000000001'
const KEV = '00000000-0000-4000-8000-000000000002'
const TEEN = '00000000-0000-4000-8000-000000000003'
const MUM_LINK = '00000000-0000-4000-8000-000000000011'
const TEEN_LINK = '00000000-0000-4000-8000-000000000012'

const WAYS = [
  'Kevin Brightwater',
  'Kevin\nBrightwater',
  'Brightwater, Kevin',
  'Mr Brightwater',
  'Mr. Brightwater',
  'K. Brightwater',
  'K Brightwater',
  'Kevin',
  'Kev',
  'Brightwater',
  'Brightwatter',
  '07700 900123',
  'kev.b@example.org',
  '14 Sparrowhawk Road',
  'NM2 9QX',
]

function bundle(note: string): RecordBundle {
  return {
    format: 'hearth-record/1',
    council: { id: 'c', name: 'Invented Council' },
    family: { id: 'f', reference: 'F-00001', name: 'Quillby family' },
    exportedAt: '2026-12-07T00:00:00Z',
    names: {},
    kinds: [
      {
        kind: 'families',
        label: 'The family',
        rows: [{ id: 'f', addressLine1: '3 Heron Way', postcode: 'NM1 1AA', addressConfidential: false }],
      },
      {
        kind: 'adults',
        label: 'Adults',
        rows: [
          { id: MUM, name: 'Morwenna Quillby', phone: '07700 900001' },
          { id: KEV, name: 'Kevin Brightwater', phone: '07700 900123' },
        ],
      },
      { kind: 'children', label: 'Children', rows: [{ id: TEEN, firstName: 'Pipkin', lastName: 'Quillby' }] },
      {
        kind: 'notes',
        label: 'Notes',
        rows: [{ id: 'n1', status: 'final', worries: note }],
      },
      {
        kind: 'family_links',
        label: 'Links',
        rows: [
          { id: MUM_LINK, adultId: MUM, childId: null },
          { id: TEEN_LINK, adultId: null, childId: TEEN },
        ],
      },
      {
        kind: 'family_messages',
        label: 'What the family said',
        rows: [
          {
            id: 'm1',
            linkId: TEEN_LINK,
            kind: 'worry',
            words: 'please do not tell Mum I said this',
            answer: 'We hear you.',
          },
          { id: 'm2', linkId: MUM_LINK, kind: 'how_going', words: 'Better this week.', answer: null },
        ],
      },
    ],
  }
}

describe('a subject access copy for the mother', () => {
  it('marks every way of writing a third party, and their details, for review', () => {
    for (const way of WAYS) {
      const b = bundle(`Today ${way} came round at tea time.`)
      const marked = proposeRedactions(b, { kind: 'adult', id: MUM }).filter((r) => r.kind === 'notes')
      expect(marked.length, way).toBeGreaterThan(0)
      const copy = applyRedactions(b, marked)
      const text = String(copy.kinds.find((k) => k.kind === 'notes')!.rows[0]!.worries)
      expect(text, way).not.toContain(way)
      expect(text, way).toContain('[withheld]')
    }
  })

  it('leaves her own name, home and phone, and ordinary words, alone', () => {
    const b = bundle('Morwenna Quillby (07700 900001, 3 Heron Way, NM1 1AA) said she will call.')
    expect(proposeRedactions(b, { kind: 'adult', id: MUM }).filter((r) => r.kind === 'notes')).toEqual([])
  })

  it('withholds whole what another holder said through their own link, and the answer to it', () => {
    const b = bundle('Nothing to note.')
    const marked = proposeRedactions(b, { kind: 'adult', id: MUM }).filter((r) => r.kind === 'family_messages')
    expect(marked.map((m) => `${m.rowId}.${m.field}`).sort()).toEqual(['m1.answer', 'm1.words'])
    const copy = applyRedactions(b, marked)
    const rows = copy.kinds.find((k) => k.kind === 'family_messages')!.rows
    expect(JSON.stringify(rows)).not.toContain('please do not tell Mum')
    expect(rows[1]!.words).toBe('Better this week.')
  })

  it('always withholds where a looked-after child is placed (#34); the child asking has it', () => {
    const b = bundle('Nothing to note.')
    const placement = {
      id: 'p1',
      kind: 'placement',
      onDate: '2026-11-07',
      details: { type: 'U6', provider: 'PR4', inArea: false, postcode: 'NM9 9ZZ' },
    }
    b.kinds.push({ kind: 'case_steps', label: 'Statutory steps', rows: [placement] })
    const marked = proposeRedactions(b, { kind: 'adult', id: MUM }).filter((r) => r.kind === 'case_steps')
    expect(marked).toEqual([
      expect.objectContaining({
        rowId: 'p1',
        field: 'details',
        passage: 'NM9 9ZZ',
        reason: 'confidential_address',
        fixed: true,
      }),
    ])
    const copy = applyRedactions(b, marked)
    const row = copy.kinds.find((k) => k.kind === 'case_steps')!.rows[0]!
    expect(JSON.stringify(row)).not.toContain('NM9 9ZZ')
    expect((row.details as { type: string }).type).toBe('U6')
    const own = proposeRedactions(b, { kind: 'child', id: TEEN }).filter((r) => r.reason === 'confidential_address')
    expect(own).toEqual([])
  })
})
