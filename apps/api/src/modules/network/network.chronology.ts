import { chronologyPart } from '../families/chronology-parts'
import { networkChronology } from './network-queries'

/** The network's changes: people added, changed and gone, relationships recorded and ended. */
export const chronology = chronologyPart({
  kinds: { network: 'Network' },
  async entries({ deps, caller, familyId }) {
    const lines = await networkChronology(deps.db, caller.councilId, familyId)
    return lines.map((e) => ({ ...e, kind: 'network' as const, link: `/families/${familyId}/network` }))
  },
})
