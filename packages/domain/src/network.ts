import type { GenerationLink, GenerationLinkKind } from './genogram'

/**
 * The people around a child and how they are related: family, professionals and community alike.
 * Each relationship reads as a sentence ("Sam Quill is the parent of Ava Quill"), and the family
 * ones place people on the genogram.
 */
export const NETWORK_LINK_KINDS = {
  parent_of: 'is the parent of',
  step_parent_of: 'is the step-parent of',
  adoptive_parent_of: 'is the adoptive parent of',
  foster_carer_of: 'is the foster carer of',
  carer_of: 'looks after',
  grandparent_of: 'is the grandparent of',
  partner_of: 'is the partner of',
  sibling_of: 'is the brother or sister of',
  half_sibling_of: 'is the half-brother or half-sister of',
  relative_of: 'is a relative of',
  friend_of: 'is a friend of',
  neighbour_of: 'is a neighbour of',
  works_with: 'works with',
  lives_with: 'lives with',
  other: 'knows',
} as const
export type NetworkLinkKind = keyof typeof NETWORK_LINK_KINDS
export const NETWORK_LINK_KIND_LIST = Object.keys(NETWORK_LINK_KINDS) as NetworkLinkKind[]

/** Which rows of the genogram a kind of relationship fixes (the rest are drawn on the ecomap only). */
const GENERATION_OF: Partial<Record<NetworkLinkKind, GenerationLinkKind>> = {
  parent_of: 'parent',
  step_parent_of: 'parent',
  adoptive_parent_of: 'parent',
  foster_carer_of: 'parent',
  grandparent_of: 'grandparent',
  partner_of: 'partner',
  sibling_of: 'sibling',
  half_sibling_of: 'sibling',
}

export const CLOSENESS = {
  close: 'Close',
  ordinary: 'Ordinary',
  distant: 'Distant',
  cut_off: 'Cut off',
  conflict: 'In conflict',
} as const
export type Closeness = keyof typeof CLOSENESS
export const CLOSENESS_LIST = Object.keys(CLOSENESS) as Closeness[]

export const PARTNERSHIPS = {
  married: 'married',
  cohabiting: 'living together',
  separated: 'separated',
  divorced: 'divorced',
} as const
export type Partnership = keyof typeof PARTNERSHIPS
export const PARTNERSHIP_LIST = Object.keys(PARTNERSHIPS) as Partnership[]

/** Who supports whom, from the first person's side. */
export const SUPPORT = {
  none: 'Neither',
  from_to: 'The first supports the second',
  to_from: 'The second supports the first',
  both: 'Both ways',
} as const
export type Support = keyof typeof SUPPORT
export const SUPPORT_LIST = Object.keys(SUPPORT) as Support[]

export const CONTACT_SAFE = {
  yes: 'Safe',
  supervised: 'Safe when supervised',
  no: 'Not safe',
  unknown: 'Not known',
} as const
export type ContactSafe = keyof typeof CONTACT_SAFE
export const CONTACT_SAFE_LIST = Object.keys(CONTACT_SAFE) as ContactSafe[]

export const NETWORK_PERSON_KINDS = { family: 'Family', professional: 'Professional', community: 'Community' } as const
export type NetworkPersonKind = keyof typeof NETWORK_PERSON_KINDS
export const NETWORK_PERSON_KIND_LIST = Object.keys(NETWORK_PERSON_KINDS) as NetworkPersonKind[]

/** The family-page relationship kinds (adult → child) as network relationships. */
export const FROM_FAMILY_PAGE_KIND: Record<string, NetworkLinkKind> = {
  parent: 'parent_of',
  step_parent: 'step_parent_of',
  carer: 'carer_of',
  grandparent: 'grandparent_of',
  sibling: 'sibling_of',
  other_relative: 'relative_of',
  friend: 'friend_of',
  neighbour: 'neighbour_of',
  professional: 'works_with',
  other: 'other',
}

/** A relationship in words: "Sam Quill is the partner of Jo Quill (separated)". */
export function linkSentence(
  kind: NetworkLinkKind,
  from: string,
  to: string,
  partnership?: Partnership | null,
): string {
  const words = NETWORK_LINK_KINDS[kind] ?? 'knows'
  return `${from} ${words} ${to}${kind === 'partner_of' && partnership ? ` (${PARTNERSHIPS[partnership]})` : ''}`
}

/** The family relationships that place people on the genogram, for `genogramGenerations`. */
export function generationLinks(links: readonly { fromId: string; toId: string; kind: string }[]): GenerationLink[] {
  const out: GenerationLink[] = []
  for (const l of links) {
    const g = GENERATION_OF[l.kind as NetworkLinkKind]
    if (g) out.push({ from: l.fromId, to: l.toId, kind: g })
  }
  return out
}
