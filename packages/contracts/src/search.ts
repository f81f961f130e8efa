import { z } from 'zod'
import { optionalText, Uuid } from './common'

// -------------------------------------------------------------------- search
export const SearchQuery = z.object({
  q: z
    .string({ message: 'type what to look for' })
    .trim()
    .min(2, { message: 'type at least 2 characters' })
    .max(200, { message: 'must be at most 200 characters' }),
})
export const SearchResult = z.object({
  kind: z.enum(['child', 'adult', 'family', 'referral', 'staff']),
  id: Uuid,
  familyId: Uuid.nullable(),
  childId: Uuid.nullable(),
  title: z.string(),
  detail: z.string(),
  /** Why it matched, in words: "name, first and last swapped", "date of birth" … */
  why: z.array(z.string()),
  score: z.number(),
  link: z.string(),
})
export const SearchResults = z.object({ q: z.string(), results: z.array(SearchResult) })
export type SearchResults = z.infer<typeof SearchResults>

/** Mark the family's address confidential (or not), and name who may see it. */
export const AddressConfidentialityInput = z.object({
  confidential: z.boolean({ message: 'say whether the address is confidential' }),
  shownTo: z.array(Uuid).max(20).default([]),
  reason: optionalText(1000),
})
