import { sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '@hearth/db/client'
import { councilOfToken, heldHere, inCouncil, onEachReachableServer } from '@hearth/db/fleet'
import { familyLinks } from '@hearth/db/schema/family-voice'
import { LINK_CODE_PATTERN, type LinkLanguage } from '@hearth/domain/family-voice'
import { AppError } from '../kernel/errors'
import { tryCode } from '../kernel/link-codes'
import { codeMatches, linkHash } from '../kernel/tokens'

/** The holder of a family link: no account, no person; the link is who they are. */
export interface LinkHolder {
  linkId: string
  councilId: string
  familyId: string
  adultId: string | null
  childId: string | null
  language: LinkLanguage
  /** False while a link with a short code has not been given the right one. */
  codeOk: boolean
  holdDecisionAt: Date | null
  /** The token's hash (the token itself is never kept, here or anywhere). */
  tokenHash: string
  lastOpenedAt: Date | null
}

declare module 'fastify' {
  interface FastifyRequest {
    familyLink: LinkHolder | null
  }
}

export const LINK_HEADER = 'x-family-link'
export const LINK_CODE_HEADER = 'x-family-link-code'
/** Tokens that open nothing, per address per minute, before the address must wait. */
export const LINK_FAILURES_PER_MINUTE = 20
/** Requests per link per minute: a family reading and writing never comes near it. */
export const LINK_REQUESTS_PER_MINUTE = 120

/** The same answer as a wrong address: an unknown, expired, revoked or malformed link says no more. */
export function nothingHere(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .send({ error: { code: 'not_found', message: 'There is nothing at this address.', requestId: request.id } })
}

/**
 * Routes whose access is `family_link` are opened by the link's token (header
 * `X-Family-Link`), never by a staff session. The token is looked up by its hash in one
 * statement whatever it looks like, so a malformed, guessed, expired or revoked token costs the
 * same and gets the same 404 as a wrong address. Counters in Redis limit guessing per address
 * and use per link; without Redis the link still works (the guess space is 256 bits).
 */
export default fp<{ db: Db; redis: Redis; prefix: string }>(
  async (app, opts) => {
    app.decorateRequest('familyLink', null)

    async function count(key: string): Promise<number> {
      const counted = opts.redis
        .multi()
        .incr(key)
        .expire(key, 120)
        .exec()
        .then((r) => Number(r?.[0]?.[1] ?? 0))
        .catch(() => 0)
      const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(0), 250).unref())
      return Promise.race([counted, timeout])
    }
    const minute = () => Math.floor(Date.now() / 60_000)

    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config?.access !== 'family_link') return
      const failKey = `${opts.prefix}:link-fail:${request.ip}:${minute()}`
      const sent = request.headers[LINK_HEADER]
      const token = typeof sent === 'string' ? sent.slice(0, 200) : ''
      const tokenHash = linkHash(token)
      const now = new Date()
      // this address's misses this minute and this link's use, in one Redis round trip, while
      // the link is looked up (a stalled Redis never holds a family up: 250 ms, then no limit)
      const linkKey = `${opts.prefix}:link-use:${tokenHash.slice(0, 32)}:${minute()}`
      const counted = opts.redis
        .multi()
        .get(failKey)
        .incr(linkKey)
        .expire(linkKey, 120)
        .exec()
        .then((r) => [Number(r?.[0]?.[1] ?? 0), Number(r?.[1]?.[1] ?? 0)] as const)
        .catch(() => [0, 0] as const)
      const timeout = new Promise<readonly [number, number]>((resolve) =>
        setTimeout(() => resolve([0, 0]), 250).unref(),
      )
      const find = () =>
        opts.db.execute(sql`
          select l.id, l.council_id, l.family_id, l.adult_id, l.child_id, l.language, l.code_hash,
                 l.hold_decision_at, l.last_opened_at
          from ${familyLinks} l
          where l.token_hash = ${tokenHash} and l.revoked_at is null and l.expires_at > ${now}`)
      // a link names its council (`<council id>.<secret>`), so its server is known; one made
      // before links did is looked for on each server (each its own query)
      const council = councilOfToken(token)
      if (council) inCouncil(council)
      const lookup = council
        ? find()
        : onEachReachableServer(async (server) => {
            const r = (await find()) as unknown as { rows: Record<string, unknown>[] }
            return r.rows.filter((row) => heldHere(server, String(row.council_id)))
          }).then((found) => ({ rows: found.results.flat() }))
      const [[misses, uses], result] = await Promise.all([Promise.race([counted, timeout]), lookup])
      const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]
      if (row) inCouncil(String(row.council_id))
      if (!row) {
        // guessing from an address is stopped; a real link from the same address (a family's
        // shared wifi, a library) still opens: a token of 256 bits is not found by guessing
        if (misses >= LINK_FAILURES_PER_MINUTE)
          throw new AppError('rate_limited', 'Too many tries. Wait a minute, then try again.')
        await count(failKey)
        return nothingHere(request, reply)
      }
      if (uses > LINK_REQUESTS_PER_MINUTE) {
        throw new AppError('rate_limited', 'Too many tries. Wait a minute, then try again.')
      }
      let codeOk = !row.code_hash
      const code = request.headers[LINK_CODE_HEADER]
      if (!codeOk && typeof code === 'string' && LINK_CODE_PATTERN.test(code)) {
        const tried = await tryCode(opts.db, String(row.council_id), String(row.id), () =>
          codeMatches(String(row.id), tokenHash, code, String(row.code_hash)),
        )
        // stopped by codes sent at the same time: the answer a stopped link gets
        if (tried === 'spent') return nothingHere(request, reply)
        codeOk = tried === 'right'
      }
      request.familyLink = {
        linkId: String(row.id),
        councilId: String(row.council_id),
        familyId: String(row.family_id),
        adultId: (row.adult_id as string | null) ?? null,
        childId: (row.child_id as string | null) ?? null,
        language: row.language as LinkLanguage,
        codeOk,
        holdDecisionAt: row.hold_decision_at ? new Date(row.hold_decision_at as string) : null,
        tokenHash,
        lastOpenedAt: row.last_opened_at ? new Date(row.last_opened_at as string) : null,
      }
    })
  },
  { name: 'family-link', dependencies: ['auth'] },
)
