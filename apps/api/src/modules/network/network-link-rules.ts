import type { NetworkLink } from '@hearth/db/schema/network'
import type { z } from 'zod'
import type { NetworkLinkInput } from '@hearth/contracts/network'
import { invalid } from '../../kernel/errors'

export type LinkFields = Omit<z.infer<typeof NetworkLinkInput>, 'fromId' | 'toId'>

export const linkFacts = (l: LinkFields | NetworkLink) => ({
  kind: l.kind,
  partnership: l.kind === 'partner_of' ? (l.partnership ?? null) : null,
  closeness: l.closeness,
  support: l.support,
  good: l.good ?? null,
  worries: l.worries ?? null,
  contactSafe: l.contactSafe,
  since: l.since ?? null,
  until: l.until ?? null,
})

export function checkDates(input: { since?: string | null; until?: string | null }) {
  if (input.since && input.until && input.until < input.since)
    throw invalid('body.until', 'the end is before the start')
}
