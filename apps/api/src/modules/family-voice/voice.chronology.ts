import { chronologyPart } from '../families/chronology-parts'
import { familyVoiceChronology } from './voice-queries'

/** What the family said through their link, in their own words, and the team's answer. */
export const chronology = chronologyPart({
  kinds: { family: 'The family said' },
  async entries({ deps, caller, familyId }) {
    const lines = await familyVoiceChronology(deps.db, caller.councilId, familyId)
    return lines.map((e) => ({ ...e, kind: 'family' as const, link: `/families/${familyId}/family-link` }))
  },
})
