import { adminTasks } from '@hearth/db/schema/enablers'
import { children, families } from '@hearth/db/schema/families'
import { insightRequests } from '@hearth/db/schema/insight'
import { memberships, people, teams } from '@hearth/db/schema/organisation'
import { notes } from '@hearth/db/schema/recording'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { holidaySet, workingDayDeadline } from '@hearth/domain/working-days'

import type { DbHandle } from '@hearth/db/client'

/**
 * The hand-counted fixture for the team figures: two test teams in council A (Alder, with people,
 * families, referrals, tasks and consultations placed in three known weeks; Empty, with nobody).
 * Weeks: Mondays 17 Aug, 24 Aug, 31 Aug 2026 (31 August is the summer bank holiday).
 */
export async function figuresFixture(handle: DbHandle, c: string, otherTeamId: string) {
  const at = (iso: string) => new Date(iso)
  const db = handle.db
  const [a, e] = await db
    .insert(teams)
    .values([
      { councilId: c, name: 'Alder family team (test)', kind: 'family_facing' },
      { councilId: c, name: 'Empty family team (test)', kind: 'family_facing' },
    ])
    .returning()
  const alder = a!.id
  const empty = e!.id
  const [p1, p2, p3, en] = await db
    .insert(people)
    .values([
      { councilId: c, name: 'Alma Alderton', email: 'alma.alderton@northmoor.example', roles: ['practitioner'] },
      { councilId: c, name: 'Amos Alderton', email: 'amos.alderton@northmoor.example', roles: ['practitioner'] },
      { councilId: c, name: 'Ada Gone', email: 'ada.gone@northmoor.example', roles: ['practitioner'], active: false },
      { councilId: c, name: 'Enid Enabler-Alder', email: 'enid.alder@northmoor.example', roles: ['enabler'] },
    ])
    .returning()
  // capacity 14 (team default) + 10 (Amos's own cap); the inactive practitioner and the enabler do not count
  await db.insert(memberships).values([
    { councilId: c, teamId: alder, personId: p1!.id },
    { councilId: c, teamId: alder, personId: p2!.id, caseloadCap: 10 },
    { councilId: c, teamId: alder, personId: p3!.id },
    { councilId: c, teamId: alder, personId: en!.id },
  ])
  const fam = async (n: number, kids: number) => {
    const [f] = await db
      .insert(families)
      .values({
        councilId: c,
        reference: `FIG-${n}`,
        name: `Figurehead family ${n}`,
        addressLine1: `${n} Counting Lane`,
        town: 'Northmoor',
        postcode: 'NM9 9ZZ',
      })
      .returning()
    for (let k = 0; k < kids; k++)
      await db.insert(children).values({
        councilId: c,
        familyId: f!.id,
        laChildId: `FIG${n}${k}`,
        firstName: `Kid${k}`,
        lastName: `Figurehead${n}`,
        sex: 'U',
        dateOfBirth: '2018-01-01',
        createdAt: at('2026-01-01T00:00:00Z'),
      })
    return f!.id
  }
  const F1 = await fam(1, 2)
  const F2 = await fam(2, 1)
  const F3 = await fam(3, 3)
  const F4 = await fam(4, 1)
  const F5 = await fam(5, 1)
  const F6 = await fam(6, 1)
  const F7 = await fam(7, 1)
  await db.insert(allocations).values([
    {
      councilId: c,
      familyId: F1,
      teamId: alder,
      personId: p1!.id,
      role: 'lead',
      startedAt: at('2026-08-10T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F1,
      teamId: alder,
      personId: p2!.id,
      role: 'co_worker',
      startedAt: at('2026-08-10T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F2,
      teamId: alder,
      personId: p1!.id,
      role: 'lead',
      startedAt: at('2026-08-19T09:00:00Z'),
      endedAt: at('2026-08-26T09:00:00Z'),
      endedReason: 'Closed',
    },
    {
      councilId: c,
      familyId: F3,
      teamId: alder,
      personId: p2!.id,
      role: 'lead',
      startedAt: at('2026-08-25T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F4,
      teamId: alder,
      personId: p2!.id,
      role: 'lead',
      startedAt: at('2026-09-02T09:00:00Z'),
    },
  ])
  const H = holidaySet()
  const ref = async (
    n: number,
    familyId: string,
    receivedAt: string,
    decidedAt: string | null,
    routed: string | null,
  ) => {
    const due = workingDayDeadline(at(receivedAt), 1, H)
    const [r] = await db
      .insert(referrals)
      .values({
        councilId: c,
        reference: `FIGREF-${n}`,
        receivedAt: at(receivedAt),
        receivedBy: p1!.id,
        source: '1B',
        worries: 'Invented worries for counting.',
        familyId,
        dueDate: due.dueDate,
        dueAt: due.dueAt,
        status: decidedAt ? 'decided' : 'awaiting_decision',
        decision: decidedAt ? 'early_help' : null,
        decidedAt: decidedAt ? at(decidedAt) : null,
        routedTeamId: routed,
        routingStatus: routed ? 'routed' : 'not_needed',
      })
      .returning()
    return r!
  }
  // R1: Friday before the bank holiday; due at the end of Tuesday 1 September; decided that Tuesday: on time
  const R1 = await ref(1, F4, '2026-08-28T14:00:00Z', '2026-09-01T09:00:00Z', alder)
  const R2 = await ref(2, F5, '2026-09-01T08:00:00Z', '2026-09-03T09:00:00Z', alder) // due end of Wed 2 Sep: late
  const R3 = await ref(3, F2, '2026-08-17T09:00:00Z', '2026-08-17T10:00:00Z', alder) // on time
  await ref(4, F7, '2026-08-25T09:00:00Z', '2026-08-25T10:00:00Z', null) // no further action: nobody's team
  const R5 = await ref(5, F6, '2026-08-20T09:00:00Z', '2026-08-20T11:00:00Z', alder) // on time
  const R6 = await ref(6, F7, '2026-08-18T09:00:00Z', null, null)
  await db.insert(offers).values([
    {
      councilId: c,
      familyId: F2,
      teamId: alder,
      referralId: R3.id,
      status: 'held',
      offeredAt: at('2026-08-17T10:30:00Z'),
      heldAt: at('2026-08-19T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F4,
      teamId: alder,
      referralId: R1.id,
      status: 'held',
      offeredAt: at('2026-09-01T09:30:00Z'),
      heldAt: at('2026-09-02T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F5,
      teamId: alder,
      referralId: R2.id,
      status: 'waiting',
      offeredAt: at('2026-09-03T09:30:00Z'),
    },
    {
      councilId: c,
      familyId: F6,
      teamId: alder,
      referralId: R5.id,
      status: 'waiting',
      offeredAt: at('2026-08-20T12:00:00Z'),
    },
    {
      councilId: c,
      familyId: F7,
      teamId: alder,
      referralId: R6.id,
      status: 'withdrawn',
      offeredAt: at('2026-08-18T12:00:00Z'),
    },
  ])
  const task = (n: number, created: string, done: string | null, team = alder) => ({
    councilId: c,
    sourceKey: `fig:${n}`,
    taskType: 'ask_enabler',
    teamId: team,
    dueAt: at('2026-12-01T00:00:00Z'),
    minutesSaved: 20,
    status: (done ? 'done' : 'open') as 'done' | 'open',
    createdAt: at(created),
    completedAt: done ? at(done) : null,
    completedBy: done ? en!.id : null,
  })
  await db.insert(adminTasks).values([
    task(1, '2026-08-18T09:00:00Z', '2026-08-18T13:00:00Z'), // 4 h
    task(2, '2026-08-19T09:00:00Z', '2026-08-21T09:00:00Z'), // 48 h
    task(3, '2026-08-23T20:00:00Z', '2026-08-24T08:00:00Z'), // Sunday 21:00 in England (week 1), done Monday (week 2): 12 h
    task(4, '2026-09-01T08:00:00Z', null),
    task(5, '2026-08-18T09:00:00Z', '2026-08-18T10:00:00Z', otherTeamId), // another team's
  ])
  const q = (kind: 'consultation' | 'coaching', asked: string, taken: string | null) => ({
    councilId: c,
    kind,
    topic: kind === 'consultation' ? 'disability' : 'team_working',
    teamId: alder,
    question: 'Invented question for counting.',
    askedBy: p1!.id,
    askedAt: at(asked),
    status: (taken ? 'taken' : 'waiting') as 'taken' | 'waiting',
    takenAt: taken ? at(taken) : null,
  })
  await db.insert(insightRequests).values([
    q('consultation', '2026-08-18T09:00:00Z', '2026-08-18T15:00:00Z'), // 6 h
    q('consultation', '2026-08-27T09:00:00Z', '2026-09-01T09:00:00Z'), // 120 h, taken in week 3
    q('consultation', '2026-09-01T10:00:00Z', '2026-09-01T12:00:00Z'), // 2 h
    q('coaching', '2026-09-01T10:00:00Z', '2026-09-01T11:00:00Z'), // coaching: not a consultation wait
    q('consultation', '2026-09-02T10:00:00Z', null),
  ])
  // Direct-contact time. Alma and Amos work full time (2,220 minutes a week; 1,776 in the week of
  // the bank holiday). Week 1: Alma 120 + 60, Amos 90 → 270 of 4,440 = 6.1 %. Week 2: none → 0 %.
  // Week 3: Alma 111 of 3,552 = 3.1 %. Not counted: Ada (no longer active), Amos's draft.
  const note = (authorId: string, happenedAt: string, directMinutes: number, status: 'final' | 'draft' = 'final') => ({
    councilId: c,
    familyId: F1,
    authorId,
    teamId: alder,
    kind: 'home_visit',
    happenedAt: at(happenedAt),
    directMinutes,
    workingWell: 'Invented, for counting.',
    status,
    finalisedAt: status === 'final' ? at(happenedAt) : null,
  })
  await db.insert(notes).values([
    note(p1!.id, '2026-08-17T10:00:00Z', 120),
    note(p1!.id, '2026-08-20T14:00:00Z', 60),
    note(p2!.id, '2026-08-23T20:00:00Z', 90), // Sunday 21:00 in England: still week 1
    note(p1!.id, '2026-09-01T10:00:00Z', 111),
    note(p3!.id, '2026-08-18T10:00:00Z', 500),
    note(p2!.id, '2026-08-19T10:00:00Z', 300, 'draft'),
  ])
  return { alder, empty, r1DueAt: R1.dueAt }
}
