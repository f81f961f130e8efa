import { chronologyPart } from '../families/chronology-parts'
import { familyServiceRows } from './directory-queries'

const STATUS_WORDS: Record<string, string> = { referred: 'Referred to', attending: 'Attending' }

/** Services from the directory the family was referred to, attended and finished with. */
export const chronology = chronologyPart({
  kinds: { service: 'Service' },
  async entries({ deps, caller, familyId }) {
    const rows = await familyServiceRows(deps.db, caller.councilId, familyId)
    return rows.map(({ f: s, service, org, by: name }) => ({
      at: new Date(`${s.onDate}T12:00:00Z`),
      kind: 'service' as const,
      title: `${STATUS_WORDS[s.status] ?? 'Finished with'} ${service} (${org})`,
      detail: s.note,
      byName: name,
      link: null,
    }))
  },
})
