import { type AnyColumn, and, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import * as s from '@hearth/db/schema'

/** What is known while gathering: the family, and the ids of each kind gathered so far. */
export interface Keys {
  familyId: string
  ids: Record<string, string[]>
}

/**
 * One kind of record Hearth holds about a family: its table, how its rows are found from the
 * family (directly, or through rows gathered before it), and how a reader is shown it.
 */
export interface RecordKind {
  kind: string
  label: string
  table: PgTable
  where(k: Keys): SQL | null
  /** The column the rows are read in order of (oldest first). */
  order?: string
  /** The field that names a row in the PDF, after its date. */
  heading?: string
  /** Left out everywhere: secrets (a link's hash) and nothing a reader could use. */
  omit?: string[]
  /** A row's key when the table has no `id`. */
  key?: (row: Record<string, unknown>) => string
  /** Ids of another field kept for the kinds after it, by name. */
  exposes?: Record<string, string>
}

/** A table's column by its property name. */
export const col = (t: PgTable, name: string) => (t as unknown as Record<string, AnyColumn>)[name]!
const byFamily = (t: PgTable) => (k: Keys) => eq(col(t, 'familyId'), k.familyId)
const among = (t: PgTable, column: string, of: string) => (k: Keys) =>
  k.ids[of]?.length ? inArray(col(t, column), k.ids[of]!) : null

const family = (t: PgTable, label: string, more: Partial<RecordKind> = {}): RecordKind => ({
  kind: '',
  label,
  table: t,
  where: byFamily(t),
  order: 'createdAt',
  ...more,
})

/**
 * Every kind of record in a family's whole record, in the order a reader meets them. The test
 * `record-kinds.unit.test.ts` lists every table that holds something about a family or child from the
 * schema and fails when one is neither here nor in NOT_IN_RECORD with the reason.
 */
export const RECORD_KINDS: RecordKind[] = (
  [
    ['families', { ...family(s.families, 'The family'), where: (k) => eq(s.families.id, k.familyId) }],
    ['children', family(s.children, 'Children', { heading: 'firstName' })],
    ['adults', family(s.adults, 'Adults', { heading: 'name' })],
    ['relationships', family(s.relationships, 'Relationships', { heading: 'kind' })],
    [
      'network_members',
      family(s.networkMembers, 'The family’s network', {
        order: 'addedAt',
        exposes: { network_members_people: 'personId' },
      }),
    ],
    [
      'network_people',
      {
        ...family(s.networkPeople, 'People in the network', { heading: 'name' }),
        where: among(s.networkPeople, 'id', 'network_members_people'),
      },
    ],
    [
      'network_links',
      {
        ...family(s.networkLinks, 'Links between people in the network', { heading: 'kind' }),
        where: (k) =>
          k.ids.network_people?.length
            ? or(
                inArray(s.networkLinks.fromId, k.ids.network_people),
                inArray(s.networkLinks.toId, k.ids.network_people),
              )!
            : null,
      },
    ],
    ['network_changes', family(s.networkChanges, 'Changes to the network', { order: 'changedAt', heading: 'kind' })],
    [
      'referrals',
      family(s.referrals, 'Referrals', {
        order: 'receivedAt',
        heading: 'reference',
        omit: ['idempotencyKey', 'requestHash'],
      }),
    ],
    [
      'referral_children',
      {
        ...family(s.referralChildren, 'Children named in referrals'),
        where: among(s.referralChildren, 'referralId', 'referrals'),
        order: undefined,
        key: (r) => `${r.referralId}/${r.childId}`,
      },
    ],
    ['allocations', family(s.allocations, 'Workers', { order: 'startedAt', heading: 'role' })],
    ['visits', family(s.visits, 'Visits and meetings', { order: 'startsAt', heading: 'kind' })],
    [
      'visit_changes',
      {
        ...family(s.visitChanges, 'Visits as they stood before each change'),
        where: among(s.visitChanges, 'visitId', 'visits'),
        order: 'changedAt',
      },
    ],
    [
      'notes',
      {
        ...family(s.notes, 'Notes', { order: 'happenedAt', heading: 'kind', omit: ['signature'] }),
        // a draft is its author's alone until it is saved: never in an export or a subject access copy
        where: (k: Keys) => and(eq(s.notes.familyId, k.familyId), eq(s.notes.status, 'final'))!,
      },
    ],
    [
      'note_addenda',
      { ...family(s.noteAddenda, 'Additions to notes'), where: among(s.noteAddenda, 'noteId', 'notes') },
    ],
    ['assessments', family(s.assessments, 'Assessments', { order: 'startedOn' })],
    ['case_steps', family(s.caseSteps, 'Statutory steps', { order: 'onDate', heading: 'kind' })],
    [
      'case_step_changes',
      {
        ...family(s.caseStepChanges, 'Corrections to statutory steps'),
        where: among(s.caseStepChanges, 'stepId', 'case_steps'),
      },
    ],
    ['plan_items', family(s.planItems, 'The plan', { heading: 'what' })],
    ['plan_changes', family(s.planChanges, 'Changes to the plan', { order: 'changedAt', heading: 'kind' })],
    ['contact_holds', family(s.contactHolds, 'Holds on contact', { order: 'startedAt', heading: 'reason' })],
    [
      'sharing_decisions',
      family(s.sharingDecisions, 'Information-sharing decisions', { order: 'decidedOn', heading: 'decision' }),
    ],
    ['family_meetings', family(s.familyMeetings, 'Family meetings', { heading: 'kind' })],
    ['family_links', family(s.familyLinks, 'Links given to the family', { omit: ['tokenHash', 'codeHash'] })],
    [
      'family_messages',
      family(s.familyMessages, 'What the family said', { heading: 'kind', omit: ['idempotencyKey'] }),
    ],
    ['family_letters', family(s.familyLetters, 'Letters about visits and workers', { heading: 'kind' })],
    [
      'admin_tasks',
      // a letter's PDF stays in Hearth, where it is checked against today's confidential address
      // before it is printed again; an export says what was sent, not the PDF
      family(s.adminTasks, 'Letters and work done for the family', {
        heading: 'taskType',
        omit: ['sourceKey', 'artefact'],
      }),
    ],
    ['family_services', family(s.familyServices, 'Services', { order: 'onDate', heading: 'status' })],
    ['commissions', family(s.commissions, 'Support commissioned', { order: 'askedAt', heading: 'need' })],
    ['proposals', family(s.proposals, 'Proposals for support', { heading: 'what' })],
    [
      'proposal_decisions',
      {
        ...family(s.proposalDecisions, 'Decisions on proposals', { order: 'decidedAt', heading: 'outcome' }),
        where: among(s.proposalDecisions, 'proposalId', 'proposals'),
      },
    ],
    ['insight_requests', family(s.insightRequests, 'Consultations', { order: 'askedAt', heading: 'topic' })],
    ['team_decisions', family(s.teamDecisions, 'Team decisions', { order: 'decidedAt', heading: 'kind' })],
  ] as [string, RecordKind][]
).map(([kind, k]) => ({ ...k, kind }))

/** Tables about a family that are not part of its record, each with the reason. */
export const NOT_IN_RECORD: Record<string, string> = {
  audit_events: 'who looked at or changed the record: the audit trail, searched by administrators',
  break_glass: 'access to a restricted record: in the audit trail',
  break_glass_reviews: 'information governance’s review of an access to the record',
  staff_conflicts: 'a member of staff’s declaration about themselves, not the family’s record',
  clock_dues: 'worked out from the statutory steps, referrals, complaints and requests, which are in the record',
  clock_alerts: 'reminders to staff worked out from the statutory steps',
  note_bands: 'an index for finding notes written alike',
  offers: 'how the family was passed between teams: the workers who held it are in the record',
  record_exports: 'copies of the record itself',
  subject_access_requests: 'the request for the record, kept by information governance',
  sar_redactions: 'the review of a request for the record, kept by information governance',
}
