import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { caseSteps } from '@hearth/db/schema/case-process'
import { councils } from '@hearth/db/schema/councils'
import { adminTasks, type AdminTask } from '@hearth/db/schema/enablers'
import { families } from '@hearth/db/schema/families'
import { people, teams } from '@hearth/db/schema/organisation'
import { referrals } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { visits } from '@hearth/db/schema/visits'
import { together } from '@hearth/db/together'
import { TASK_TYPES, type TaskType } from '@hearth/domain/admin-tasks'
import { placeGivesAway } from '@hearth/domain/confidential-address'
import { notFound } from '../../kernel/errors'
import type { LetterData } from './letters'

export async function views(db: Db, councilId: string, rows: AdminTask[]) {
  const personIds = [
    ...new Set(rows.flatMap((r) => [r.claimedBy, r.requestedBy, r.completedBy]).filter(Boolean)),
  ] as string[]
  const familyIds = [...new Set(rows.map((r) => r.familyId).filter(Boolean))] as string[]
  const teamIds = [...new Set(rows.map((r) => r.teamId).filter(Boolean))] as string[]
  const visitIds = [...new Set(rows.map((r) => r.visitId).filter(Boolean))] as string[]
  const vs = visitIds.length
    ? await db
        .select({ v: visits, language: families.language })
        .from(visits)
        .innerJoin(families, and(eq(families.id, visits.familyId), eq(families.councilId, visits.councilId)))
        .where(and(eq(visits.councilId, councilId), inArray(visits.id, visitIds)))
    : []
  const attendeeIds = vs.flatMap((x) => x.v.attendeeIds)
  personIds.push(...attendeeIds.filter((id) => !personIds.includes(id)))
  const [ps, fs, ts] = await together(
    db,
    () =>
      personIds.length
        ? db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(and(eq(people.councilId, councilId), inArray(people.id, personIds)))
        : [],
    () =>
      familyIds.length
        ? db
            .select({ id: families.id, name: families.name })
            .from(families)
            .where(and(eq(families.councilId, councilId), inArray(families.id, familyIds)))
        : [],
    () =>
      teamIds.length
        ? db
            .select({ id: teams.id, name: teams.name })
            .from(teams)
            .where(and(eq(teams.councilId, councilId), inArray(teams.id, teamIds)))
        : [],
  )
  const n = new Map([...ps, ...fs, ...ts].map((x) => [x.id, x.name]))
  const now = Date.now()
  return rows.map((r) => {
    const claimLive = r.status === 'claimed' && r.claimExpiresAt && r.claimExpiresAt.getTime() > now
    const status = r.status === 'claimed' && !claimLive ? ('open' as const) : r.status
    return {
      id: r.id,
      taskType: r.taskType,
      label: TASK_TYPES[r.taskType as TaskType]?.label ?? r.taskType,
      hasLetter: TASK_TYPES[r.taskType as TaskType]?.letter ?? false,
      status,
      heldReason: r.status === 'held' ? r.heldReason : null,
      details: r.details,
      familyId: r.familyId,
      familyName: r.familyId ? (n.get(r.familyId) ?? null) : null,
      teamName: r.teamId ? (n.get(r.teamId) ?? null) : null,
      requestedByName: r.requestedBy ? (n.get(r.requestedBy) ?? null) : null,
      claimedById: claimLive ? r.claimedBy : null,
      claimedByName: claimLive && r.claimedBy ? (n.get(r.claimedBy) ?? null) : null,
      dueAt: r.dueAt.toISOString(),
      overdue: status !== 'done' && status !== 'cancelled' && r.dueAt.getTime() < now,
      completedAt: r.completedAt?.toISOString() ?? null,
      completedByName: r.completedBy ? (n.get(r.completedBy) ?? null) : null,
      outcome: r.outcome,
      reference: r.reference,
      minutesSaved: r.minutesSaved,
      visit: (() => {
        const x = vs.find((y) => y.v.id === r.visitId)
        if (!x) return null
        return {
          kind: x.v.kind,
          startsAt: x.v.startsAt.toISOString(),
          durationMinutes: x.v.durationMinutes,
          place: x.v.place,
          attendees: x.v.attendeeIds.map((id) => n.get(id) ?? '').filter(Boolean),
          othersAttending: x.v.othersAttending,
          language: x.v.interpreterNeeded ? x.language : null,
          status: x.v.status,
        }
      })(),
    }
  })
}

export async function load(db: Db, councilId: string, id: string) {
  const [t] = await db
    .select()
    .from(adminTasks)
    .where(and(eq(adminTasks.councilId, councilId), eq(adminTasks.id, id)))
  if (!t) throw notFound('task')
  return t
}

/** What a letter prints instead of a confidential address (given by hand, never posted). */
export const BY_HAND = {
  addressLine1: 'By hand: the family’s address is confidential',
  addressLine2: null,
  town: '',
  postcode: '',
}

/** The address lines a letter prints: a confidential address never (the letter goes by hand). */
export function letterAddress(f: {
  addressLine1: string
  addressLine2: string | null
  town: string
  postcode: string
  addressConfidential: boolean
}): string[] {
  const lines = f.addressConfidential ? [BY_HAND.addressLine1] : [f.addressLine1, f.addressLine2, f.town, f.postcode]
  return lines.filter((l): l is string => !!l)
}

export async function letterData(db: Db, councilId: string, t: AdminTask): Promise<LetterData> {
  const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId))
  const [family] = t.familyId
    ? await db
        .select()
        .from(families)
        .where(and(eq(families.councilId, councilId), eq(families.id, t.familyId)))
    : []
  if (!family) throw notFound('family for this letter')
  const [visit] = t.visitId
    ? await db
        .select()
        .from(visits)
        .where(and(eq(visits.councilId, councilId), eq(visits.id, t.visitId)))
    : []
  const [referral] = t.referralId
    ? await db
        .select()
        .from(referrals)
        .where(and(eq(referrals.councilId, councilId), eq(referrals.id, t.referralId)))
    : []
  // who the family has now, and the team's line: every family letter says whom to call
  const current = await db
    .select()
    .from(allocations)
    .where(and(eq(allocations.councilId, councilId), eq(allocations.familyId, family.id), isNull(allocations.endedAt)))
  const names = current.length
    ? await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(
          and(
            eq(people.councilId, councilId),
            inArray(
              people.id,
              current.map((a) => a.personId),
            ),
          ),
        )
    : []
  const nameOf = (id: string) => names.find((x) => x.id === id)?.name ?? ''
  const lead = current.find((a) => a.role === 'lead')
  const [team] = lead
    ? await db
        .select({ name: teams.name, phone: teams.phone })
        .from(teams)
        .where(and(eq(teams.councilId, lead.councilId), eq(teams.id, lead.teamId)))
    : []
  const contact: LetterData['contact'] = lead
    ? { lead: nameOf(lead.personId), team: team?.name ?? '', phone: team?.phone ?? null }
    : null
  let workers: LetterData['workers'] = null
  if (t.taskType === 'workers_letter') {
    workers = {
      lead: lead ? nameOf(lead.personId) : '',
      coWorkers: current.filter((a) => a.role === 'co_worker').map((a) => nameOf(a.personId)),
      team: team?.name ?? '',
    }
  }
  // a letter before proceedings says what the pre-proceedings step says (the offer, the meeting)
  let preProceedings: LetterData['preProceedings'] = null
  if (t.taskType === 'letter_before_proceedings' && t.sourceKey.startsWith('lbp:')) {
    const [step] = await db
      .select({ details: caseSteps.details })
      .from(caseSteps)
      .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.id, t.sourceKey.slice('lbp:'.length))))
    const d = (step?.details ?? {}) as { fgdmOffered?: boolean | null; initialMeetingOn?: string | null }
    preProceedings = { fgdmOffered: d.fgdmOffered ?? null, meetingOn: d.initialMeetingOn ?? null }
  }
  // a confidential address is never printed: the letter goes by hand, and a visit "at home" says so
  const hidden = family.addressConfidential
  return {
    preProceedings,
    councilName: council!.name.replace(/ \(demo\)$/, ''),
    family: hidden ? { ...family, ...BY_HAND } : family,
    visit: visit
      ? {
          kind: visit.kind,
          startsAt: visit.startsAt,
          place: hidden && placeGivesAway(visit.place, family) ? 'at your home' : visit.place,
          interpreterNeeded: visit.interpreterNeeded,
        }
      : null,
    workers,
    contact,
    referral: referral
      ? { reference: referral.reference, referrerName: referral.referrerName, receivedAt: referral.receivedAt }
      : null,
  }
}

/** The family a task (and so its letter) belongs to, for the audit row of reading it. */
export async function familyOfTask(db: Db, councilId: string, id: string): Promise<string | null> {
  const [t] = await db
    .select({ familyId: adminTasks.familyId })
    .from(adminTasks)
    .where(and(eq(adminTasks.councilId, councilId), eq(adminTasks.id, id)))
  return t?.familyId ?? null
}
