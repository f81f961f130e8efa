import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type ChronologyAsk, chronologyParts, findChronologyParts } from '../src/modules/families/chronology-parts'

/**
 * The family's chronology is made of parts, one `*.chronology.ts` file per capability, found in
 * the modules' folders: a new capability adds its file and edits no shared one.
 */
const dir = mkdtempSync(join(tmpdir(), 'hearth-chronology-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const part = (kind: string, label: string) => `
export const chronology = {
  kinds: { ${kind}: '${label}' },
  async entries(ask) {
    return [{ at: new Date('2026-11-02T10:00:00Z'), kind: '${kind}', title: 'Moved to Kestrel House',
      detail: null, byName: null, link: null, childIds: [] , family: ask.familyId }]
  },
}
`

describe('chronology parts', () => {
  it('every capability’s part is found, each kind named once and in words', async () => {
    const parts = await chronologyParts()
    const kinds = parts.flatMap((p) => Object.entries(p.kinds))
    expect(new Set(kinds.map(([k]) => k)).size).toBe(kinds.length)
    for (const [, label] of kinds) expect(label).toMatch(/^[A-Z][a-z ]+$/)
    // the lines the family's story was made of before it was split into parts, none lost
    expect(kinds.map(([k]) => k).sort()).toEqual(
      [
        'allocation',
        'assessment',
        'coaching',
        'commission',
        'consultation',
        'decision',
        'family',
        'network',
        'note',
        'plan',
        'proposal',
        'referral',
        'service',
        'sharing',
        'statutory',
        'team_decision',
        'visit',
      ].sort(),
    )
  })

  it('a new capability’s file is found where it sits, without a list to edit', async () => {
    mkdirSync(join(dir, 'placements'))
    writeFileSync(join(dir, 'placements', 'placements.chronology.ts'), part('placement', 'Placement'))
    const parts = await findChronologyParts(dir)
    expect(parts.map((p) => p.kinds)).toEqual([{ placement: 'Placement' }])
    const lines = await parts[0]!.entries({ familyId: 'f-1' } as ChronologyAsk)
    expect(lines).toMatchObject([{ kind: 'placement', title: 'Moved to Kestrel House', family: 'f-1' }])
  })

  it('two parts claiming one kind stop the start, naming both files', async () => {
    mkdirSync(join(dir, 'moves'))
    writeFileSync(join(dir, 'moves', 'moves.chronology.ts'), part('placement', 'Move'))
    await expect(findChronologyParts(dir)).rejects.toThrow(
      'chronology kind placement is claimed by moves/moves.chronology.ts and placements/placements.chronology.ts',
    )
  })
})
