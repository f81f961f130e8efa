import type { FastifyInstance } from 'fastify'
import type { Db } from '@hearth/db/client'
import type { Role } from '@hearth/domain/roles'
import { signInAs as signInWithEmail, type Session } from './app'
import { type Council, makePerson, type Person, type Team } from './factories'

/**
 * The test kit: the real app on a fresh database, sign-in by role, and one factory per entity.
 * A test builds the world it needs with the factories, then acts through the API as each person.
 */
export { callerIn, ctxOf, makeTestApp as buildTestApp, type Session, type TestApp } from './app'
export { freshPgDatabase as freshDatabase } from './db'
export * from './factories'
export { loadRouteCases, type RouteCases } from './route-cases'
export { signInWithEmail }

/** A new person with this role (in these teams), signed in. */
export async function signInAs(
  app: FastifyInstance,
  db: Db,
  council: Council,
  role: Role,
  o: { teams?: Team[]; name?: string } = {},
): Promise<Session & { person: Person }> {
  const person = await makePerson(db, council, { role, ...o })
  return { ...(await signInWithEmail(app, person.email)), person }
}
export { populateWholeRecord } from './whole-record'
