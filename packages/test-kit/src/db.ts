import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { personalDataInLogs } from './log-capture'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { openDb, type DbHandle } from '@hearth/db/client'
import { hashPassword } from '@hearth/db/passwords'
import { memberships, people } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { seedDemoCouncil, type SeededCouncil } from '@hearth/db/seed/demo'
import { requireEnv } from './env'
import { TEMPLATE_DB, withDatabase } from './global-setup'

/** A fresh, migrated database on the real PostgreSQL server, cloned from the template. */
export async function freshPgDatabase(
  poolSize = 10,
): Promise<{ handle: DbHandle; url: string; drop(): Promise<void> }> {
  const base = requireEnv('TEST_DATABASE_URL')
  const name = `hearth_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`)
  await admin.end()
  const url = withDatabase(base, name)
  const handle = await openDb({ kind: 'postgres', url, poolSize })
  return {
    handle,
    url,
    drop: async () => {
      // before the data goes: nothing this database holds about people may be in the file's logs
      const leaks = await personalDataInLogs(handle.db)
      await handle.close()
      const a = new pg.Client({ connectionString: base })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
      if (leaks.length) throw new Error(`personal data in the logs:\n${leaks.join('\n')}`)
    },
  }
}

export const TEST_PASSWORD = 'hearth-demo-2026'
let hashPromise: Promise<string> | null = null
export const testPasswordHash = () => (hashPromise ??= hashPassword(TEST_PASSWORD))

/** Two councils: A (Northmoor, postcodes NM…) and B (Southmere, postcodes SM…). */
export async function seedTwoCouncils(
  handle: DbHandle,
  familyCount = 8,
): Promise<{ a: SeededCouncil; b: SeededCouncil }> {
  const passwordHash = await testPasswordHash()
  const a = await seedDemoCouncil(handle.db, {
    familyCount,
    passwordHash,
    insightExamples: false,
    statutoryExamples: false,
  })
  const b = await seedDemoCouncil(handle.db, {
    councilName: 'Southmere District Council (test)',
    laCode: '002',
    emailDomain: 'southmere.example',
    postcodeArea: 'SM',
    familyCount,
    passwordHash,
    seed: 7,
    insightExamples: false,
    statutoryExamples: false,
  })
  return { a: a!, b: b! }
}

/** A family the person leads now (the demo seed gives the named practitioner several). */
export async function heldFamilyId(handle: DbHandle, councilId: string, personId: string): Promise<string> {
  const [held] = await handle.db
    .select({ familyId: allocations.familyId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        eq(allocations.personId, personId),
        eq(allocations.role, 'lead'),
        isNull(allocations.endedAt),
      ),
    )
    .limit(1)
  if (!held) throw new Error('the person leads no family')
  return held.familyId
}

/** The email of a practitioner in the given team (to sign in as "another team"). */
export async function practitionerEmailIn(handle: DbHandle, teamId: string): Promise<string> {
  const [p] = await handle.db
    .select({ email: people.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.teamId, teamId), sql`'practitioner' = any(${people.roles})`))
    .limit(1)
  if (!p) throw new Error('nobody practises in that team')
  return p.email
}
