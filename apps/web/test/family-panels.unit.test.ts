import { describe, expect, it } from 'vitest'
import type { Me } from '@hearth/contracts/auth'
import { familyPanelsFor } from '../src/feature'

/**
 * The family's page is made of the features' sections (`familyPanels` in each
 * `features/<capability>/routes.tsx`): a new capability adds its section there and the page is
 * not edited.
 */
const me = (roles: Me['roles']): Me => ({
  personId: '00000000-0000-4000-8000-000000000001',
  councilId: '00000000-0000-4000-8000-000000000002',
  councilName: 'Northmoor (demo)',
  name: 'Pat Practitioner',
  email: 'person.a1b2c3@test.example',
  roles,
  teams: [],
  csrfToken: 'x',
  sessionExpiresAt: '2026-12-07T18:00:00.000Z',
})

describe('the family page’s sections', () => {
  it('a practitioner sees every feature’s section, in the page’s order', () => {
    const ids = (where: 'above' | 'below') => familyPanelsFor(me(['practitioner']), where).map((p) => p.id)
    expect(ids('above')).toEqual([
      'work',
      'contact',
      'conversation',
      'plan',
      'assessments',
      'case-process',
      'notes',
      'family-voice',
      'proposals',
      'services',
      'ask-insight',
    ])
    expect(ids('below')).toEqual(['chronology'])
  })

  it('sections are named once; a referral officer sees none of the practitioners’ work', () => {
    const all = [
      ...familyPanelsFor(me(['practitioner', 'referral_officer']), 'above'),
      ...familyPanelsFor(me(['practitioner', 'referral_officer']), 'below'),
    ]
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length)
    expect(new Set(all.map((p) => p.order)).size).toBe(all.length)
    expect(familyPanelsFor(me(['referral_officer']), 'above')).toEqual([])
    expect(familyPanelsFor(me(['referral_officer']), 'below')).toEqual([])
  })
})
