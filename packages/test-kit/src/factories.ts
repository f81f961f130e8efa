import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { createTask } from '@hearth/db/enablers'
import { nextReference } from '@hearth/db/references'
import { recordClockDue, startRecordClock } from '@hearth/db/record-clocks'
import { councils } from '@hearth/db/schema/councils'
import { directoryOrganisations, directoryServices } from '@hearth/db/schema/directory'
import { adminTasks } from '@hearth/db/schema/enablers'
import { adults, children, families } from '@hearth/db/schema/families'
import { memberships, patches, people, teams } from '@hearth/db/schema/organisation'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { proposals } from '@hearth/db/schema/sign-off'
import { allocations } from '@hearth/db/schema/team-board'
import { visits } from '@hearth/db/schema/visits'
import type { TaskType } from '@hearth/domain/admin-tasks'
import type { Role, TeamKind } from '@hearth/domain/roles'
import { holidaySet, londonDateOf } from '@hearth/domain/working-days'
import { testPasswordHash } from './db'

/**
 * One factory per entity, so a test states the data it needs rather than leaning on the demo
 * seed. Each takes the database and what matters to the test; everything else gets an invented,
 * obviously-not-real default. Rows go in directly (no audit, no jobs): use the API for behaviour.
 */
const tag = () => randomBytes(3).toString('hex')

export type Council = typeof councils.$inferSelect
export type Patch = typeof patches.$inferSelect
export type Team = typeof teams.$inferSelect
export type Person = typeof people.$inferSelect
export type Family = typeof families.$inferSelect
export type Child = typeof children.$inferSelect
export type Referral = typeof referrals.$inferSelect

export async function makeCouncil(db: Db, o: Partial<typeof councils.$inferInsert> = {}): Promise<Council> {
  const [row] = await db
    .insert(councils)
    .values({ name: `Testshire ${tag()} Council (test)`, laCode: '004', ...o })
    .returning()
  return row!
}

export async function makePatch(
  db: Db,
  council: Council,
  o: Partial<typeof patches.$inferInsert> = {},
): Promise<Patch> {
  const [row] = await db
    .insert(patches)
    .values({ councilId: council.id, name: `Patch ${tag()}`, postcodeAreas: ['TS1'], ...o })
    .returning()
  return row!
}

export async function makeTeam(
  db: Db,
  council: Council,
  o: { kind?: TeamKind; patch?: Patch; name?: string; caseloadCap?: number } = {},
): Promise<Team> {
  const kind = o.kind ?? (o.patch ? 'family_facing' : 'enabler')
  const [row] = await db
    .insert(teams)
    .values({
      councilId: council.id,
      name: o.name ?? `Test ${kind.replace('_', ' ')} team ${tag()}`,
      kind,
      patchId: o.patch?.id ?? null,
      ...(o.caseloadCap ? { caseloadCap: o.caseloadCap } : {}),
    })
    .returning()
  return row!
}

/** A person with one role, in the given teams; signs in with the test password. */
export async function makePerson(
  db: Db,
  council: Council,
  o: { role?: Role; roles?: Role[]; teams?: Team[]; name?: string; email?: string; active?: boolean } = {},
): Promise<Person> {
  const t = tag()
  const [row] = await db
    .insert(people)
    .values({
      councilId: council.id,
      name: o.name ?? `Testy Person ${t}`,
      email: o.email ?? `person.${t}@test.example`,
      roles: o.roles ?? [o.role ?? 'practitioner'],
      passwordHash: await testPasswordHash(),
      active: o.active ?? true,
    })
    .returning()
  for (const team of o.teams ?? [])
    await db.insert(memberships).values({ councilId: council.id, teamId: team.id, personId: row!.id })
  return row!
}

export async function makeFamily(
  db: Db,
  council: Council,
  o: Partial<typeof families.$inferInsert> & { patch?: Patch } = {},
): Promise<Family> {
  const { patch, ...rest } = o
  const [row] = await db
    .insert(families)
    .values({
      councilId: council.id,
      reference: await nextReference(db, 'family'),
      name: `Testwood family ${tag()}`,
      addressLine1: '1 Invented Lane',
      town: 'Testtown',
      postcode: `${patch?.postcodeAreas[0] ?? 'TS1'} 1AA`,
      patchId: patch?.id ?? null,
      ...rest,
    })
    .returning()
  return row!
}

export async function makeChild(db: Db, family: Family, o: Partial<typeof children.$inferInsert> = {}): Promise<Child> {
  const [row] = await db
    .insert(children)
    .values({
      councilId: family.councilId,
      familyId: family.id,
      laChildId: `T${tag()}`.toUpperCase(),
      firstName: 'Testchild',
      lastName: family.name.split(' ')[0]!,
      dateOfBirth: '2018-03-08',
      sex: 'U',
      ...o,
    })
    .returning()
  return row!
}

export async function makeAdult(db: Db, family: Family, o: Partial<typeof adults.$inferInsert> = {}) {
  const [row] = await db
    .insert(adults)
    .values({ councilId: family.councilId, familyId: family.id, name: `Testadult ${tag()}`, ...o })
    .returning()
  return row!
}

/** A service in the council's directory, run by an invented organisation. */
export async function makeService(db: Db, council: Council, o: { name?: string } = {}) {
  const [org] = await db
    .insert(directoryOrganisations)
    .values({ councilId: council.id, orukId: `org-${tag()}`, name: 'Testfield Trust', description: 'Invented' })
    .returning()
  const [row] = await db
    .insert(directoryServices)
    .values({
      councilId: council.id,
      orukId: `svc-${tag()}`,
      organisationId: org!.id,
      name: o.name ?? 'Testfield parenting group',
      description: 'An invented service',
      status: 'active',
      taxonomies: [],
      serviceAreas: [],
      needs: [],
      areas: [],
    })
    .returning()
  return row!
}

/** A referral waiting for a decision (received an hour ago, due in one working day). */
export async function makeReferral(
  db: Db,
  family: Family,
  receivedBy: Person,
  o: Partial<typeof referrals.$inferInsert> = {},
): Promise<Referral> {
  const receivedAt = o.receivedAt ?? new Date(Date.now() - 3600_000)
  const startOn = londonDateOf(receivedAt)
  const due = await recordClockDue(db, family.councilId, 'referral_decision', startOn, holidaySet())
  const [row] = await db
    .insert(referrals)
    .values({
      councilId: family.councilId,
      reference: await nextReference(db, 'referral'),
      receivedAt,
      receivedBy: receivedBy.id,
      source: '2A',
      worries: 'An invented worry for a test.',
      familyId: family.id,
      dueDate: due.dueOn,
      dueAt: due.lateAt,
      ...o,
    })
    .returning()
  // its clock runs like one the front door recorded (the one sweep raises its alerts)
  if (row!.status === 'awaiting_decision')
    await startRecordClock(
      db,
      family.councilId,
      { clock: 'referral_decision', recordId: row!.id, familyId: family.id, startOn },
      row!.dueDate,
    )
  return row!
}

/** The family waiting on a team's board. */
export async function makeOffer(
  db: Db,
  family: Family,
  team: Team,
  referral: Referral,
  o: Partial<typeof offers.$inferInsert> = {},
) {
  const [row] = await db
    .insert(offers)
    .values({ councilId: family.councilId, familyId: family.id, teamId: team.id, referralId: referral.id, ...o })
    .returning()
  return row!
}

/** A lead (and optionally a co-worker) from the team holding the family. */
export async function makeAllocation(db: Db, family: Family, team: Team, lead: Person, coWorker?: Person) {
  const rows = [{ councilId: family.councilId, familyId: family.id, teamId: team.id, personId: lead.id, role: 'lead' }]
  if (coWorker)
    rows.push({
      councilId: family.councilId,
      familyId: family.id,
      teamId: team.id,
      personId: coWorker.id,
      role: 'co_worker',
    })
  return db
    .insert(allocations)
    .values(rows as (typeof allocations.$inferInsert)[])
    .returning()
}

export async function makeVisit(
  db: Db,
  family: Family,
  team: Team,
  bookedBy: Person,
  o: Partial<typeof visits.$inferInsert> = {},
) {
  const [row] = await db
    .insert(visits)
    .values({
      councilId: family.councilId,
      familyId: family.id,
      teamId: team.id,
      kind: 'home_visit',
      startsAt: new Date(Date.now() + 2 * 86_400_000),
      place: 'At home',
      attendeeIds: [bookedBy.id],
      bookedBy: bookedBy.id,
      ...o,
    })
    .returning()
  return row!
}

/** An open task in the enablers' queue, due by the council's setting for its type. */
export async function makeTask(
  db: Db,
  team: Team,
  o: { taskType?: TaskType; family?: Family; requestedBy?: Person; details?: string } = {},
) {
  const id = await createTask(db, {
    councilId: team.councilId,
    sourceKey: `test:${tag()}`,
    taskType: o.taskType ?? 'visit_confirmation',
    teamId: team.id,
    familyId: o.family?.id ?? null,
    requestedBy: o.requestedBy?.id ?? null,
    details: o.details ?? null,
  })
  const [row] = await db.select().from(adminTasks).where(eq(adminTasks.id, id!))
  return row!
}

/** A package waiting for the strategy team's decision. */
export async function makeProposal(
  db: Db,
  family: Family,
  team: Team,
  proposedBy: Person,
  o: Partial<typeof proposals.$inferInsert> = {},
) {
  const weeklyPence = o.weeklyPence ?? 50_000
  const weeks = o.weeks ?? 10
  const [row] = await db
    .insert(proposals)
    .values({
      councilId: family.councilId,
      teamId: team.id,
      familyId: family.id,
      proposedBy: proposedBy.id,
      what: 'An invented package for a test',
      forWhom: 'The children',
      why: 'A reason written for a test.',
      weeklyPence,
      weeks,
      totalPence: weeklyPence * weeks,
      alternatives: 'None tried (test).',
      familyView: 'The family agree (test).',
      conversationStage: 3,
      route: 'strategy',
      signOffPenceAtSubmission: 250_000,
      approvalsNeeded: 1,
      status: 'awaiting_strategy',
      ...o,
    })
    .returning()
  return row!
}
