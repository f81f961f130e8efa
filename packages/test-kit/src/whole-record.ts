import { createHash, randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import * as s from '@hearth/db/schema'
import type { Db } from '@hearth/db/client'
import type { Council, Family, Person, Team } from './factories'
import { makeAdult, makeChild, makeReferral, makeService } from './factories'

/**
 * A family with at least one record of every kind in its whole record (RECORD_KINDS), written
 * straight into the tables: the export test checks each kind comes out. Names are invented and
 * look it; `names` says which were used where, for the redaction tests.
 */
export async function populateWholeRecord(db: Db, council: Council, family: Family, team: Team, lead: Person) {
  const c = { councilId: council.id }
  const f = { ...c, familyId: family.id }
  const mum = await makeAdult(db, family, { name: 'Morwenna Quillfeather', phone: '07700 900123' })
  const uncle = await makeAdult(db, family, { name: 'Tobiah Quillfeather', description: 'Mum’s brother' })
  const kit = await makeChild(db, family, { firstName: 'Pipkin', lastName: 'Quillfeather' })
  const sib = await makeChild(db, family, { firstName: 'Brisket', lastName: 'Quillfeather', nhsNumber: '9434765919' })
  const service = await makeService(db, council, { name: 'Testfield Family Hub' })
  const [rel] = await db
    .insert(s.relationships)
    .values({ ...f, adultId: mum.id, childId: kit.id, kind: 'mother', strengths: 'Warm with Pipkin' })
    .returning()
  const [np1] = await db
    .insert(s.networkPeople)
    .values({ ...c, name: 'Morwenna Quillfeather', adultId: mum.id })
    .returning()
  const [np2] = await db
    .insert(s.networkPeople)
    .values({ ...c, name: 'Grandad Ossory', role: 'grandfather' })
    .returning()
  await db.insert(s.networkMembers).values([
    { ...f, personId: np1!.id },
    { ...f, personId: np2!.id },
  ])
  await db
    .insert(s.networkLinks)
    .values({ ...c, fromId: np2!.id, toId: np1!.id, kind: 'parent', relationshipId: rel!.id })
  await db.insert(s.networkChanges).values({
    ...f,
    personId: np2!.id,
    kind: 'person_added',
    reason: 'Grandad Ossory came to the meeting',
    changedBy: lead.id,
  })
  const referral = await makeReferral(db, family, lead, {
    referrerName: 'Nurse Halloway',
    referrerOrganisation: 'Testfield Surgery',
    referrerContact: '01632 960001',
    worries: 'Tobiah Quillfeather shouts at Pipkin, the surgery heard.',
  })
  await db.insert(s.referralChildren).values({ ...c, referralId: referral.id, childId: kit.id, linked: true })
  const [visit] = await db
    .insert(s.visits)
    .values({
      ...f,
      teamId: team.id,
      kind: 'home_visit',
      startsAt: new Date('2026-10-01T10:00:00Z'),
      place: 'At home',
      attendeeIds: [lead.id],
      othersAttending: 'Grandad Ossory',
      bookedBy: lead.id,
    })
    .returning()
  // moved once: how it stood before is kept (visit_changes, by trigger)
  await db
    .update(s.visits)
    .set({ startsAt: new Date('2026-10-02T10:00:00Z'), lastChangeReason: 'Mum asked for the next day' })
    .where(and(eq(s.visits.councilId, council.id), eq(s.visits.id, visit!.id)))
  const [note] = await db
    .insert(s.notes)
    .values({
      ...f,
      visitId: visit!.id,
      authorId: lead.id,
      teamId: team.id,
      kind: 'home_visit',
      happenedAt: new Date('2026-10-01T10:00:00Z'),
      place: 'At home',
      workingWell: 'Pipkin showed me the garden; Morwenna Quillfeather made tea.',
      worries: 'Brisket said Tobiah Quillfeather stays over at weekends.',
      familyWords: 'Pipkin: “I like it when Grandad Ossory comes.”',
      status: 'final',
      finalisedAt: new Date('2026-10-01T12:00:00Z'),
    })
    .returning()
  await db
    .insert(s.noteAddenda)
    .values({ ...c, noteId: note!.id, authorId: lead.id, reason: 'Left out', text: 'Brisket was at school.' })
  await db.insert(s.assessments).values({
    ...f,
    childId: kit.id,
    referralDate: '2026-09-01',
    startedOn: '2026-09-02',
    startedBy: lead.id,
    summary: 'Pipkin is safe with Morwenna Quillfeather.',
  })
  const [step] = await db
    .insert(s.caseSteps)
    .values({ ...f, childId: kit.id, kind: 'cin_plan', onDate: '2026-09-20', details: {}, recordedBy: lead.id })
    .returning()
  await db.insert(s.caseStepChanges).values({
    ...c,
    stepId: step!.id,
    changedBy: lead.id,
    reason: 'Wrong date',
    before: { onDate: '2026-09-19' },
    after: { onDate: '2026-09-20' },
  })
  const [item] = await db
    .insert(s.planItems)
    .values({
      ...f,
      what: 'Pipkin goes to the hub on Tuesdays',
      whoKind: 'family',
      whoName: 'Morwenna Quillfeather',
      createdBy: lead.id,
    })
    .returning()
  await db.insert(s.planChanges).values({
    ...f,
    itemId: item!.id,
    kind: 'added',
    version: 1,
    after: {
      what: item!.what,
      whoKind: 'family',
      whoId: null,
      whoName: item!.whoName,
      byDate: null,
      status: 'to_do',
    },
    changedBy: lead.id,
  })
  await db
    .insert(s.contactHolds)
    .values({ ...f, reason: 'safeguarding_enquiry', note: 'Until the strategy discussion', startedBy: lead.id })
  await db.insert(s.sharingDecisions).values({
    ...f,
    childId: kit.id,
    decision: 'share',
    information: 'Visit dates',
    recipientKind: 'health',
    recipient: 'Testfield health visitors',
    reason: 'To check Pipkin’s growth',
    decidedOn: '2026-10-02',
    decidedBy: lead.id,
  })
  await db
    .insert(s.familyMeetings)
    .values({ ...f, visitId: visit!.id, kind: 'fgc', coordinator: 'Ms Independent Testperson', createdBy: lead.id })
  const [link] = await db
    .insert(s.familyLinks)
    .values({
      ...f,
      adultId: mum.id,
      tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      expiresAt: new Date('2027-01-01T00:00:00Z'),
      createdBy: lead.id,
    })
    .returning()
  await db
    .insert(s.familyMessages)
    .values({ ...f, linkId: link!.id, kind: 'how_going', scale: 4, words: 'Better since the hub' })
  await db.insert(s.familyLetters).values({ ...f, kind: 'your_workers', details: { lead: lead.id } })
  await db.insert(s.adminTasks).values({
    ...f,
    sourceKey: `test:${randomBytes(4).toString('hex')}`,
    taskType: 'visit_confirmation',
    teamId: team.id,
    dueAt: new Date('2026-09-30T12:00:00Z'),
    minutesSaved: 10,
    artefact: Buffer.from('%PDF-1.4 invented'),
  })
  await db.insert(s.familyServices).values({
    ...f,
    serviceId: service.id,
    teamId: team.id,
    status: 'referred',
    onDate: '2026-10-03',
    recordedBy: lead.id,
  })
  await db.insert(s.commissions).values({
    ...f,
    teamId: team.id,
    askedBy: lead.id,
    need: 'Respite at weekends',
    why: 'Morwenna Quillfeather needs rest',
    familyView: 'Yes please',
    weeks: 8,
    budgetPence: 80_000,
  })
  const [proposal] = await db
    .insert(s.proposals)
    .values({
      ...f,
      teamId: team.id,
      proposedBy: lead.id,
      what: 'A weekend break',
      forWhom: 'Pipkin and Brisket',
      why: 'Rest',
      weeklyPence: 10_000,
      weeks: 4,
      totalPence: 40_000,
      alternatives: 'None found',
      familyView: 'Keen',
      conversationStage: 2,
      route: 'team',
      signOffPenceAtSubmission: 500_000,
      approvalsNeeded: 1,
      status: 'team_decided',
    })
    .returning()
  await db
    .insert(s.proposalDecisions)
    .values({ ...c, proposalId: proposal!.id, decidedBy: lead.id, outcome: 'approve', reasonsForTeam: 'Fair' })
  await db.insert(s.insightRequests).values({
    ...f,
    kind: 'consultation',
    topic: 'Family dynamics',
    teamId: team.id,
    question: 'How to work with Tobiah Quillfeather?',
    askedBy: lead.id,
  })
  await db
    .insert(s.teamDecisions)
    .values({ ...f, teamId: team.id, kind: 'allocation', summary: 'Lead chosen', recordedBy: lead.id })
  return { mum, uncle, kit, sib, referral, note: note!, visit: visit! }
}
