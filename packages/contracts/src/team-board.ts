import { VisitView } from './visits'
import { Reason } from './common'
import { z } from 'zod'
import { BoardDueClock } from './case-process'
import { requiredText, Uuid } from './common'
import { IsoDate } from './families'

const Present = z.array(Uuid).max(20).default([])

export const ClaimInput = z.object({
  /** Leave out to ask the team to find one: Hearth picks the practitioner with the fewest families. */
  coWorkerId: Uuid.nullable().optional(),
  presentIds: Present,
})
export const WorkersInput = z.object({
  leadId: Uuid,
  coWorkerIds: z
    .array(Uuid)
    .min(1, { message: 'every family needs at least one co-worker as well as the lead' })
    .max(6),
  reason: Reason,
  presentIds: Present,
})
export const CapInput = z.object({
  cap: z.number({ message: 'give a number of children' }).int().min(1).max(40),
  reason: Reason,
  presentIds: Present,
})
export const TeamDecisionInput = z.object({ summary: requiredText(2000, 'what the team decided'), presentIds: Present })
/** Moving a family between the Three Conversations: a team decision, with a reason. */
export const StageMoveInput = z.object({
  stage: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'choose conversation 1, 2 or 3' }),
  reason: Reason,
  presentIds: Present,
})
export const RotaInput = z.object({ personId: Uuid })
export const RotaParams = z.object({ id: Uuid, day: IsoDate })

const Worker = z.object({ personId: Uuid, name: z.string() })
export const HeldFamily = z.object({
  familyId: Uuid,
  familyName: z.string(),
  postcode: z.string(),
  childCount: z.number().int(),
  lead: Worker,
  coWorkers: z.array(Worker),
  conversationStage: z.number().int(),
  /** A child on a child protection plan, or a section 47 enquiry open: shown on the board. */
  protection: z.enum(['cp_plan', 's47']).nullable(),
  /** A referral about the family received in the last 14 days, recorded after the team began to hold it. */
  newReferral: z.object({ receivedAt: z.string(), awaitingDecision: z.boolean() }).nullable(),
  nextVisitAt: z.string().nullable(),
  heldSince: z.string(),
})
export const BoardMember = z.object({
  personId: Uuid,
  name: z.string(),
  cap: z.number().int(),
  leadChildren: z.number().int(),
  leadFamilies: z.number().int(),
  coWorkerFamilies: z.number().int(),
  visitsToday: z.number().int(),
  onDutyToday: z.boolean(),
})
export const BoardOffer = z.object({
  offerId: Uuid,
  familyId: Uuid,
  familyName: z.string(),
  postcode: z.string(),
  childCount: z.number().int(),
  offeredAt: z.string(),
  waitingMinutes: z.number().int(),
  decision: z.string().nullable(),
  reasons: z.string().nullable(),
  openCase: z.boolean(),
  /** Each child's age in words ("7 years", "4 months", "unborn (due 1 March 2027)"), youngest last. */
  childAges: z.array(z.string()),
})
export const Board = z.object({
  teamId: Uuid,
  teamName: z.string(),
  teamCap: z.number().int(),
  today: z.string(),
  dutyPersonId: Uuid.nullable(),
  /** Statutory timescales of the families the team works with: overdue and due soon, and how many run later. */
  due: z.object({ urgent: z.array(BoardDueClock), later: z.number().int() }),
  offers: z.array(BoardOffer),
  members: z.array(BoardMember),
  held: z.array(HeldFamily),
})
export const TeamDecisionView = z.object({
  id: Uuid,
  kind: z.string(),
  summary: z.string(),
  present: z.array(z.string()),
  recordedByName: z.string(),
  decidedAt: z.string(),
})
export const RotaDay = z.object({ day: z.string(), personId: Uuid.nullable(), name: z.string().nullable() })
export const FamilyWorkers = z.object({
  holdingTeam: z.object({ id: Uuid, name: z.string() }).nullable(),
  lead: Worker.nullable(),
  coWorkers: z.array(Worker),
  /** Letters and invitations to the family with the enablers, waiting to be sent. */
  lettersWaiting: z.number().int(),
  /** Held for the lead's decision (contact with the family is on hold): not waiting to be sent. */
  lettersHeld: z.number().int(),
})
export const MyDay = z.object({
  today: z.string(),
  onDutyFor: z.array(z.object({ teamId: Uuid, teamName: z.string() })),
  /** Each with its note, if one was begun: one note per visit (a draft, or final once saved). */
  visitsToday: z.array(VisitView.extend({ recorded: z.enum(['draft', 'final']).nullable() })),
  families: z.array(
    z.object({
      familyId: Uuid,
      familyName: z.string(),
      role: z.enum(['lead', 'co_worker']),
      nextVisitAt: z.string().nullable(),
      lastVisitAt: z.string().nullable(),
      state: z.enum(['booked', 'none_booked', 'overdue', 'not_yet_seen']),
    }),
  ),
  arrivals: z.array(BoardOffer.extend({ teamId: Uuid, teamName: z.string() })),
})

/** A past visit nobody has recorded yet: on My day until a note says what happened. */
export const VisitToRecord = z.object({
  id: Uuid,
  familyId: Uuid,
  familyName: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  place: z.string(),
})
