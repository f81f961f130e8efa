/**
 * The family's own way in: a private link (no account) to see their workers, visits and plan,
 * and to say how things are going, ask for a visit to move, say what matters, raise a worry or
 * make a complaint. Rules only; the API and the family's pages use them.
 */

/** Languages the family's pages and the link letter come in. Staff screens stay English. */
export const LINK_LANGUAGES = {
  en: { name: 'English', own: 'English', dir: 'ltr' },
  pl: { name: 'Polish', own: 'Polski', dir: 'ltr' },
  ur: { name: 'Urdu', own: 'اردو', dir: 'rtl' },
} as const
export type LinkLanguage = keyof typeof LINK_LANGUAGES
export const LINK_LANGUAGE_LIST = Object.keys(LINK_LANGUAGES) as LinkLanguage[]

/** The family record's language in words ("Polish") chooses the link's default language. */
export function linkLanguageFor(familyLanguage: string | null | undefined): LinkLanguage {
  const wanted = (familyLanguage ?? '').trim().toLowerCase()
  for (const code of LINK_LANGUAGE_LIST) {
    if (LINK_LANGUAGES[code].name.toLowerCase() === wanted || code === wanted) return code
  }
  return 'en'
}

/** How long a new link lasts unless the council says otherwise. */
export const DEFAULT_LINK_DAYS = 90
export const MAX_LINK_DAYS = 365

/** What a family can say through their link. */
export const FAMILY_MESSAGE_KINDS = {
  how_going: 'How things are going',
  move_visit: 'Asked to move a visit',
  matters: 'What matters to us',
  worry: 'A worry',
  complaint: 'A complaint',
} as const
export type FamilyMessageKind = keyof typeof FAMILY_MESSAGE_KINDS

/** "How are things going?" on a five-point scale, in words the family chose from. */
export const HOW_GOING_SCALE = {
  1: 'Very bad',
  2: 'Not good',
  3: 'OK',
  4: 'Good',
  5: 'Very good',
} as const

/** The short code sent separately, when the team chooses one: six digits. */
export const LINK_CODE_PATTERN = /^\d{6}$/
/** Wrong codes before the link stops working (the team issues a new one). */
export const LINK_CODE_ATTEMPTS = 5

export type LinkState = 'active' | 'expired' | 'revoked'

export function linkState(link: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): LinkState {
  if (link.revokedAt) return 'revoked'
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active'
}
