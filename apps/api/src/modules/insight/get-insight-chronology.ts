import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import {
  allocations,
  assessments,
  children,
  commissions,
  directoryOrganisations,
  directoryServices,
  familyServices,
  insightRequests,
  noteAddenda,
  notes,
  people,
  proposalDecisions,
  proposals,
  referrals,
  teamDecisions,
  teams,
  visits,
} from '@hearth/db'
import {
  ASSESSMENT_FACTORS,
  type AssessmentFactor,
  NOTE_KINDS,
  type NoteKind,
  pounds,
  REFERRAL_DECISIONS,
  topicLabel,
  VISIT_KINDS,
  type ReferralDecision,
  type VisitKind,
} from '@hearth/domain'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { stepChronology } from '../case-process/clock-queries'
import { networkChronology } from '../network/network-queries'
import { planChronology } from '../plan/plan-queries'
import { familyVoiceChronology } from '../family-voice/voice-queries'
import { sharingChronology } from '../sharing/sharing-chronology'
import type { Caller } from '../../kernel/caller'

/**
 * The family's story in one list, newest first: referrals, who held the family, visits,
 * proposals and decisions, services, commissions, team decisions, notes and their addenda, the
 * plan's changes, and insight advice (for the holding team only).
 */
export async function getInsightChronology(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const c = caller.councilId
  const holder = await holdingTeamId(db, c, familyId)
  const mine = caller.teams.map((t) => t.id)
  const [
    refs,
    allocs,
    vis,
    props,
    decs,
    advice,
    svcs,
    comms,
    tdecs,
    finalNotes,
    addenda,
    plan,
    network,
    assess,
    steps,
    said,
    shared,
  ] = await Promise.all([
    db
      .select()
      .from(referrals)
      .where(and(eq(referrals.councilId, c), eq(referrals.familyId, familyId))),
    db
      .select({ a: allocations, name: people.name, team: teams.name })
      .from(allocations)
      .innerJoin(people, and(eq(people.id, allocations.personId), eq(people.councilId, allocations.councilId)))
      .innerJoin(teams, and(eq(teams.id, allocations.teamId), eq(teams.councilId, allocations.councilId)))
      .where(and(eq(allocations.councilId, c), eq(allocations.familyId, familyId))),
    db
      .select()
      .from(visits)
      .where(and(eq(visits.councilId, c), eq(visits.familyId, familyId))),
    db
      .select({ p: proposals, name: people.name })
      .from(proposals)
      .innerJoin(people, and(eq(people.id, proposals.proposedBy), eq(people.councilId, proposals.councilId)))
      .where(and(eq(proposals.councilId, c), eq(proposals.familyId, familyId))),
    db
      .select({ d: proposalDecisions, name: people.name, what: proposals.what })
      .from(proposalDecisions)
      .innerJoin(
        proposals,
        and(eq(proposals.id, proposalDecisions.proposalId), eq(proposals.councilId, proposalDecisions.councilId)),
      )
      .innerJoin(
        people,
        and(eq(people.id, proposalDecisions.decidedBy), eq(people.councilId, proposalDecisions.councilId)),
      )
      .where(and(eq(proposalDecisions.councilId, c), eq(proposals.familyId, familyId))),
    db
      .select({ r: insightRequests, name: people.name })
      .from(insightRequests)
      .leftJoin(people, and(eq(people.id, insightRequests.takenBy), eq(people.councilId, insightRequests.councilId)))
      .where(and(eq(insightRequests.councilId, c), eq(insightRequests.familyId, familyId))),
    db
      .select({
        s: familyServices,
        service: directoryServices.name,
        org: directoryOrganisations.name,
        name: people.name,
      })
      .from(familyServices)
      .innerJoin(
        directoryServices,
        and(
          eq(directoryServices.id, familyServices.serviceId),
          eq(directoryServices.councilId, familyServices.councilId),
        ),
      )
      .innerJoin(
        directoryOrganisations,
        and(
          eq(directoryOrganisations.id, directoryServices.organisationId),
          eq(directoryOrganisations.councilId, directoryServices.councilId),
        ),
      )
      .innerJoin(people, and(eq(people.id, familyServices.recordedBy), eq(people.councilId, familyServices.councilId)))
      .where(and(eq(familyServices.councilId, c), eq(familyServices.familyId, familyId))),
    db
      .select({ m: commissions, name: people.name })
      .from(commissions)
      .innerJoin(people, and(eq(people.id, commissions.askedBy), eq(people.councilId, commissions.councilId)))
      .where(and(eq(commissions.councilId, c), eq(commissions.familyId, familyId))),
    db
      .select({ t: teamDecisions, name: people.name })
      .from(teamDecisions)
      .innerJoin(people, and(eq(people.id, teamDecisions.recordedBy), eq(people.councilId, teamDecisions.councilId)))
      .where(and(eq(teamDecisions.councilId, c), eq(teamDecisions.familyId, familyId))),
    // finalised notes only: a draft is its author's until it is finalised
    db
      .select({ n: notes, name: people.name })
      .from(notes)
      .innerJoin(people, and(eq(people.id, notes.authorId), eq(people.councilId, notes.councilId)))
      .where(and(eq(notes.councilId, c), eq(notes.familyId, familyId), eq(notes.status, 'final'))),
    db
      .select({ a: noteAddenda, name: people.name, children: notes.children })
      .from(noteAddenda)
      .innerJoin(notes, and(eq(notes.id, noteAddenda.noteId), eq(notes.councilId, noteAddenda.councilId)))
      .innerJoin(people, and(eq(people.id, noteAddenda.authorId), eq(people.councilId, noteAddenda.councilId)))
      .where(and(eq(noteAddenda.councilId, c), eq(notes.familyId, familyId))),
    planChronology(db, c, familyId),
    networkChronology(db, c, familyId),
    db
      .select({ a: assessments, first: children.firstName, last: children.lastName })
      .from(assessments)
      .innerJoin(children, and(eq(children.id, assessments.childId), eq(children.councilId, assessments.councilId)))
      .where(and(eq(assessments.councilId, c), eq(assessments.familyId, familyId))),
    stepChronology(db, c, familyId),
    familyVoiceChronology(db, c, familyId),
    sharingChronology(deps, c, familyId),
  ])
  type Entry = {
    at: Date
    kind:
      | 'referral'
      | 'allocation'
      | 'visit'
      | 'proposal'
      | 'decision'
      | 'consultation'
      | 'coaching'
      | 'service'
      | 'commission'
      | 'team_decision'
      | 'note'
      | 'plan'
      | 'network'
      | 'assessment'
      | 'statutory'
      | 'family'
      | 'sharing'
    title: string
    detail: string | null
    byName: string | null
    link: string | null
    childIds?: string[]
  }
  const out: Entry[] = []
  for (const r of refs) {
    out.push({
      at: r.receivedAt,
      kind: 'referral',
      title: `Referral ${r.reference} received`,
      detail: r.worries,
      byName: r.referrerName,
      link: null,
    })
    if (r.decidedAt && r.decision)
      out.push({
        at: r.decidedAt,
        kind: 'referral',
        title: `Referral decided: ${REFERRAL_DECISIONS[r.decision as ReferralDecision] ?? r.decision}`,
        detail: r.decisionReasons,
        byName: null,
        link: null,
      })
  }
  for (const { a, name, team } of allocs) {
    out.push({
      at: a.startedAt,
      kind: 'allocation',
      title: `${name} became ${a.role === 'lead' ? 'lead worker' : 'co-worker'} (${team})`,
      detail: null,
      byName: null,
      link: null,
    })
    if (a.endedAt)
      out.push({
        at: a.endedAt,
        kind: 'allocation',
        title: `${name} stopped as ${a.role === 'lead' ? 'lead worker' : 'co-worker'}`,
        detail: a.endedReason,
        byName: null,
        link: null,
      })
  }
  const nowMs = Date.now()
  for (const v of vis)
    out.push({
      at: v.startsAt,
      kind: 'visit',
      title: `${VISIT_KINDS[v.kind as VisitKind] ?? v.kind}${v.status === 'cancelled' ? ' (cancelled)' : v.startsAt.getTime() > nowMs ? ' (booked)' : ''}`,
      detail: v.status === 'cancelled' ? v.lastChangeReason : v.place,
      byName: null,
      link: null,
    })
  for (const { p, name } of props)
    out.push({
      at: p.createdAt,
      kind: 'proposal',
      title: `Proposed: ${p.what} (${pounds(p.totalPence)})`,
      detail: p.why,
      byName: name,
      link: `/proposals/${p.id}`,
    })
  for (const { d, name, what } of decs)
    out.push({
      at: d.decidedAt,
      kind: 'decision',
      title: `Strategy ${d.outcome === 'approve' ? 'approved' : d.outcome === 'decline' ? 'declined' : 'asked for more information on'}: ${what}`,
      detail: d.reasonsForTeam,
      byName: name,
      link: null,
    })
  // advice is for the team holding the family (or the asking team, if nobody holds it yet)
  for (const { r, name } of advice) {
    if (!mine.includes(holder ?? r.teamId)) continue
    const label = topicLabel(r.kind, r.topic)
    const link = `/insight/requests/${r.id}`
    if (r.status === 'withdrawn')
      out.push({
        at: r.askedAt,
        kind: r.kind,
        title: `${r.kind === 'consultation' ? 'Consultation' : 'Coaching'} asked for, then withdrawn: ${label}`,
        detail: r.question,
        byName: null,
        link,
      })
    else if (r.status === 'advice_given' && r.adviceAt)
      out.push({
        at: r.adviceAt,
        kind: r.kind,
        title: `${r.kind === 'consultation' ? 'Consultation advice' : 'Coaching notes'}: ${label}`,
        detail: r.advice,
        byName: name,
        link,
      })
    else
      out.push({
        at: r.askedAt,
        kind: r.kind,
        title: `${r.kind === 'consultation' ? 'Consultation' : 'Coaching'} asked for: ${label}`,
        detail: r.question,
        byName: null,
        link,
      })
  }
  for (const { s, service, org, name } of svcs)
    out.push({
      at: new Date(`${s.onDate}T12:00:00Z`),
      kind: 'service',
      title: `${s.status === 'referred' ? 'Referred to' : s.status === 'attending' ? 'Attending' : 'Finished with'} ${service} (${org})`,
      detail: s.note,
      byName: name,
      link: null,
    })
  for (const { m, name } of comms)
    out.push({
      at: m.commissionedAt ?? m.askedAt,
      kind: 'commission',
      title:
        m.status === 'commissioned'
          ? `Commissioned: ${m.need} from ${m.providerName}`
          : m.status === 'withdrawn'
            ? `Asked insight to commission, then withdrawn: ${m.need}`
            : `Asked insight to commission: ${m.need}`,
      detail: m.why,
      byName: name,
      link: m.proposalId ? `/proposals/${m.proposalId}` : null,
    })
  for (const { n, name } of finalNotes)
    out.push({
      at: n.happenedAt,
      kind: 'note',
      title: `Note: ${NOTE_KINDS[n.kind as NoteKind] ?? n.kind}`,
      // the story's first part written, strengths first
      detail: n.workingWell ?? n.worries ?? n.needsToHappen ?? n.familyWords,
      byName: name,
      link: `/families/${familyId}#note-${n.id}`,
      childIds: n.children.map((c) => c.childId),
    })
  for (const { a, name, children } of addenda)
    out.push({
      at: a.createdAt,
      kind: 'note',
      title: `Addendum to a note: ${a.reason}`,
      detail: a.text,
      byName: name,
      link: `/families/${familyId}#note-${a.noteId}`,
      childIds: children.map((k) => k.childId),
    })
  for (const p of plan) out.push({ ...p, kind: 'plan', link: `/families/${familyId}/plan` })
  for (const n of network) out.push({ ...n, kind: 'network', link: `/families/${familyId}/network` })
  for (const { a, first, last } of assess) {
    const link = `/families/${familyId}#assessments`
    out.push({
      at: new Date(`${a.startedOn}T12:00:00Z`),
      kind: 'assessment',
      title: `Assessment started: ${first} ${last}`,
      detail: null,
      byName: null,
      link,
      childIds: [a.childId],
    })
    if (a.authorisedOn)
      out.push({
        at: new Date(`${a.authorisedOn}T12:00:00Z`),
        kind: 'assessment',
        title: `Assessment finished: ${first} ${last}`,
        detail: [a.factors.map((f) => ASSESSMENT_FACTORS[f as AssessmentFactor] ?? f).join('; '), a.summary]
          .filter(Boolean)
          .join('. '),
        byName: null,
        link,
        childIds: [a.childId],
      })
  }
  for (const e of steps) out.push({ ...e, kind: 'statutory' })
  for (const e of shared) out.push({ ...e, kind: 'sharing', link: null })
  for (const e of said) out.push({ ...e, kind: 'family', link: `/families/${familyId}/family-link` })
  for (const { t, name } of tdecs)
    out.push({
      at: t.decidedAt,
      kind: 'team_decision',
      title: 'Team decision',
      detail: t.summary,
      byName: name,
      link: null,
    })
  out.sort((a, b) => b.at.getTime() - a.at.getTime())
  return out.map((e) => ({ ...e, childIds: e.childIds ?? [], at: e.at.toISOString() }))
}
