import { chronologyPart } from '../families/chronology-parts'
import { planChronology } from './plan-queries'

/** The plan's changes: items added, changed, done, not done and reopened, with why. */
export const chronology = chronologyPart({
  kinds: { plan: 'Plan' },
  async entries({ deps, caller, familyId }) {
    const lines = await planChronology(deps.db, caller.councilId, familyId)
    return lines.map((e) => ({ ...e, kind: 'plan' as const, link: `/families/${familyId}/plan` }))
  },
})
