import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Secrets and their hashes: session tokens, family links and their short codes. Only hashes are
 * kept; a comparison of secrets takes the same time whatever they hold.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function sameString(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

/** A family link's token, as kept. */
export const linkHash = hashToken
/** A short code's hash, bound to its link's id (links made before #31: to the link's token hash). */
export const codeHash = (linkIdOrTokenHash: string, code: string) =>
  createHash('sha256').update(`${linkIdOrTokenHash}:${code}`).digest('hex')
/** Whether the code is the link's: bound to its id, or (an older link) to its token hash. */
export const codeMatches = (linkId: string, tokenHash: string, code: string, stored: string) =>
  sameString(codeHash(linkId, code), stored) || sameString(codeHash(tokenHash, code), stored)
