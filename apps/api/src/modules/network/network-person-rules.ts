import type { z } from 'zod'
import type { NetworkPersonInput } from '@hearth/contracts/network'
import { invalid } from '../../kernel/errors'

export type PersonInput = z.infer<typeof NetworkPersonInput>

export const personFacts = (p: Record<string, unknown>) => ({
  name: p.name,
  sex: p.sex ?? null,
  kind: p.kind,
  role: p.role ?? null,
  bornYear: p.bornYear ?? null,
  diedYear: p.diedYear ?? null,
  expected: p.expected ?? false,
})

export function checkYears(input: { bornYear?: number | null; diedYear?: number | null }) {
  if (input.bornYear && input.diedYear && input.diedYear < input.bornYear)
    throw invalid('body.diedYear', 'the year they died is before the year they were born')
}
