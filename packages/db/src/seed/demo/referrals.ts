import { holidaySet, londonDateOf } from '@hearth/domain/working-days'
import type { Tx } from '../../client'
import { placeContactHold } from '../../contact'
import { recordClockDue, startRecordClock } from '../../record-clocks'
import { nextReference } from '../../references'
import { offers, referralChildren, referrals } from '../../schema'
import type { DemoFamily } from './families'
import type { DemoCouncil } from './organisation'

/**
 * Referrals at the front door: two waiting for a decision, some decided and on team boards,
 * one that could not be routed (no patch covers its postcode), one with no further action.
 * Returns the families referred (the team board leaves them to be claimed).
 */
export async function seedReferrals(tx: Tx, org: DemoCouncil, familyRows: DemoFamily[]): Promise<Set<string>> {
  const { councilId, teamRows, personRows, email } = org
  const familyCount = familyRows.length
  const officer = personRows.find((p) => p.email === email('referrals'))!
  const holidays = holidaySet()
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000)
  const specs: {
    family: number
    receivedHoursAgo: number
    source: string
    referrer: string
    worries: string
    decision?: string
    reasons?: string
    need?: string
    routeTo?: string | null
    /** The family does not know about the referral: contact is held. */
    notAware?: boolean
  }[] = [
    {
      family: 0,
      receivedHoursAgo: 30,
      source: '2A',
      referrer: 'Head of year, Kestrel Lane Primary (invented)',
      worries:
        'The older girl has come to school hungry most days this week. She said there is no food at home since her mum lost her job.',
    },
    {
      family: 2,
      receivedHoursAgo: 2,
      source: '6',
      referrer: 'PC Demo, Northmoor police (invented)',
      notAware: true,
      worries:
        'Neighbours called police to shouting at the address late last night. Two children were at home. No injuries seen.',
    },
    {
      family: 6,
      receivedHoursAgo: 50,
      source: '3B',
      referrer: 'Health visitor (invented)',
      worries: 'Mum is struggling since the baby was born and has missed the last two appointments.',
      decision: 'assessment',
      reasons:
        'Mum has asked for help and the baby is very young. An assessment will find out what support the family needs.',
      need: 'N4',
      routeTo: 'team',
    },
    {
      family: 1,
      receivedHoursAgo: 70,
      source: '1A',
      referrer: 'Grandmother (invented)',
      worries: 'Worried the children are left alone in the evenings while dad works nights.',
      decision: 'early_help',
      reasons: 'Dad agrees he needs help with childcare in the evenings. Early help can arrange it with him.',
      routeTo: 'team',
    },
    {
      family: familyCount - 1,
      receivedHoursAgo: 26,
      source: '8',
      referrer: 'Youth worker, voluntary sector (invented)',
      worries: 'A young person told me they do not feel safe going home.',
      decision: 'assessment',
      reasons: 'The young person says they feel unsafe at home. We need to see them and understand why.',
      need: 'N1',
      routeTo: null,
    },
    {
      family: 4,
      receivedHoursAgo: 90,
      source: '3A',
      referrer: 'GP surgery (invented)',
      worries: 'Asked for information about local parenting groups.',
      decision: 'information_advice',
      reasons: 'The family wanted information only; the GP has passed on the parenting groups list.',
    },
  ]
  for (const [i, spec] of specs.entries()) {
    const fam = familyRows[spec.family]
    if (!fam) continue
    const receivedAt = hoursAgo(spec.receivedHoursAgo)
    const startOn = londonDateOf(receivedAt)
    const { dueOn: dueDate, lateAt: dueAt } = await recordClockDue(
      tx,
      councilId,
      'referral_decision',
      startOn,
      holidays,
    )
    const decidedAt = spec.decision ? new Date(receivedAt.getTime() + 5 * 3600_000) : null
    const team =
      spec.routeTo === 'team'
        ? teamRows.find((t) => t.kind === 'family_facing' && t.patchId === fam.patchId)
        : undefined
    const routedAt = team && decidedAt ? new Date(decidedAt.getTime() + 1500) : null
    const [ref] = await tx
      .insert(referrals)
      .values({
        councilId,
        reference: await nextReference(tx, 'referral'),
        receivedAt,
        receivedBy: officer.id,
        source: spec.source,
        referrerName: spec.referrer,
        worries: spec.worries,
        familyKnowledge:
          i % 2 === 0
            ? 'The family knows we have been contacted and agreed to it.'
            : spec.notAware
              ? 'Police have not told mum yet: the children spoke to officers alone.'
              : null,
        familyConsent: i % 2 === 0 ? 'agreed' : spec.notAware ? 'not_aware' : 'unknown',
        familyId: fam.id,
        dueDate,
        dueAt,
        status: spec.decision ? 'decided' : 'awaiting_decision',
        decision: spec.decision ?? null,
        decisionReasons: spec.reasons ?? null,
        primaryNeedCode: spec.need ?? null,
        decidedAt,
        decidedBy: spec.decision ? officer.id : null,
        routingStatus: !spec.decision || spec.routeTo === undefined ? 'not_needed' : team ? 'routed' : 'unroutable',
        routingNote: spec.routeTo === null ? 'No patch covers this postcode.' : null,
        routedTeamId: team?.id ?? null,
        routedAt,
      })
      .returning()
    if (!spec.decision)
      await startRecordClock(
        tx,
        councilId,
        { clock: 'referral_decision', recordId: ref!.id, familyId: fam.id, startOn },
        dueDate,
      )
    if (spec.notAware)
      await placeContactHold(tx, {
        councilId,
        familyId: fam.id,
        reason: 'family_not_aware',
        referralId: ref!.id,
        startedBy: officer.id,
      })
    await tx
      .insert(referralChildren)
      .values(fam.childIds.map((childId) => ({ councilId, referralId: ref!.id, childId, linked: false })))
    if (team && routedAt)
      await tx
        .insert(offers)
        .values({ councilId, familyId: fam.id, teamId: team.id, referralId: ref!.id, offeredAt: routedAt })
  }

  return new Set(specs.map((x) => familyRows[x.family]?.id).filter((x): x is string => !!x))
}
