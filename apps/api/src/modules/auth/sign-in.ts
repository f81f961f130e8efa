import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Db } from '@hearth/db/client'
import { heldHere, inCouncil, onEachReachableServer } from '@hearth/db/fleet'
import { verifyPassword } from '@hearth/db/passwords'
import { people } from '@hearth/db/schema/organisation'
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '@hearth/domain/access'
import { AppError } from '../../kernel/errors'

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

export interface SignInContext {
  ip: string
  requestId: string
  route: string
}

/**
 * Checks email and password. After MAX_FAILED_SIGN_INS failures in a row the account is
 * locked for LOCKOUT_MINUTES (the counter is raised atomically, so parallel guesses count).
 */
export async function signIn(db: Db, email: string, password: string, ctx: SignInContext, councilId?: string) {
  // Emails are unique within a council. Without a council, the email must name exactly one
  // account; two councils' accounts with one address answer as an unknown email would, at its cost.
  // (on a fleet of servers: the council's server, or, without one, each server in turn)
  if (councilId) inCouncil(councilId)
  const find = () =>
    db
      .select()
      .from(people)
      .where(councilId ? and(eq(people.councilId, councilId), eq(people.email, email)) : eq(people.email, email))
      .limit(2)
  let found: Awaited<ReturnType<typeof find>>
  if (councilId) found = await find()
  else {
    // a server that cannot be reached does not stop the councils on the others signing in
    const each = await onEachReachableServer(async (server) =>
      (await find()).filter((p) => heldHere(server, p.councilId)),
    )
    found = each.results.flat()
    if (!found.length && each.failed) throw unreachable()
  }
  const person = found.length === 1 ? found[0] : undefined
  // every statement from here on goes to the person's council's server
  if (person) inCouncil(person.councilId)
  const now = new Date()
  const audit = (councilId: string, personId: string, action: string) =>
    writeAudit(db, {
      councilId,
      actorPersonId: personId,
      action,
      recordType: 'person',
      recordId: personId,
      route: ctx.route,
      method: 'POST',
      ip: ctx.ip,
      requestId: ctx.requestId,
    })

  // One cost and one answer for an unknown email, a closed account, a locked one and a wrong
  // password: the hash always runs, and all four say the same. A locked account answers the same
  // whatever the password (were the right one told "locked", the lock-out would say which guess
  // was right), and a guess while locked still counts.
  const passwordOk = await verifyPassword(password, person?.passwordHash ?? DUMMY_HASH)
  const noMatch = () => new AppError('unauthenticated', 'That email and password do not match an account.')
  if (!person) throw noMatch()
  const locked = !!person.lockedUntil && person.lockedUntil > now
  if (locked) await audit(person.councilId, person.id, 'auth.sign_in_refused_locked')
  const ok = !locked && person.active && passwordOk
  if (!ok) {
    await db
      .update(people)
      .set({
        failedSignIns: sql`${people.failedSignIns} + 1`,
        // a guess while locked counts, but does not push the lock further
        lockedUntil: sql`case when ${people.lockedUntil} > now() then ${people.lockedUntil}
          when ${people.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then now() + make_interval(mins => ${LOCKOUT_MINUTES})
          else ${people.lockedUntil} end`,
      })
      .where(and(eq(people.id, person.id), eq(people.councilId, person.councilId)))
    if (!locked) await audit(person.councilId, person.id, 'auth.sign_in_failed')
    throw noMatch()
  }
  await db
    .update(people)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(and(eq(people.councilId, person.councilId), eq(people.id, person.id)))
  await audit(person.councilId, person.id, 'auth.sign_in')
  return person
}

function unreachable() {
  return new AppError(
    'unavailable',
    'Hearth cannot reach some councils’ records just now. Try again in a few minutes, or choose your council.',
  )
}
