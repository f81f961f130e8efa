import { chronologyPart } from '../families/chronology-parts'
import { stepChronology } from './clock-queries'

/** The statutory steps recorded for each child, and each correction with why. */
export const chronology = chronologyPart({
  kinds: { statutory: 'Statutory step' },
  async entries({ deps, caller, familyId }) {
    const lines = await stepChronology(deps.db, caller.councilId, familyId)
    return lines.map((e) => ({ ...e, kind: 'statutory' as const }))
  },
})
