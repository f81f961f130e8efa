import { z } from 'zod'
import { SHARING_DECISION_LIST, SHARING_RECIPIENT_KIND_LIST } from '@hearth/domain'
import { optionalText, requiredText, Uuid } from './common'
import { IsoDate } from './families'

/** A decision to share, or not to share, information about a child with another agency. */
export const SharingDecisionInput = z.object({
  decision: z.enum(SHARING_DECISION_LIST, { message: 'choose shared or not shared' }),
  information: requiredText(2000, 'what information'),
  recipientKind: z.enum(SHARING_RECIPIENT_KIND_LIST, { message: 'choose the kind of agency' }),
  recipient: requiredText(300, 'with whom'),
  reason: requiredText(2000, 'why, for the child'),
  decidedOn: IsoDate,
})
export type SharingDecisionInput = z.infer<typeof SharingDecisionInput>

export const SharingDecisionView = z.object({
  id: Uuid,
  familyId: Uuid,
  childId: Uuid,
  decision: z.enum(SHARING_DECISION_LIST),
  information: z.string(),
  recipientKind: z.enum(SHARING_RECIPIENT_KIND_LIST),
  recipient: z.string(),
  reason: z.string(),
  decidedOn: z.string(),
  decidedByName: z.string(),
  recordedAt: z.string(),
})
export type SharingDecisionView = z.infer<typeof SharingDecisionView>
export const SharingDecisionsView = z.object({
  childId: Uuid,
  familyId: Uuid,
  decisions: z.array(SharingDecisionView),
})
export const SharingExportQuery = z.object({ from: IsoDate, to: IsoDate })

// -------------------------------------------------------------------- conflicts of interest
/** "I know this family": by the family's reference (F-…) or id, with how. */
export const DeclareConflictInput = z
  .object({
    familyId: Uuid.optional(),
    reference: z
      .string()
      .trim()
      .regex(/^F-\d{5,7}$/, { message: 'a family reference looks like F-00042' })
      .optional(),
    reason: requiredText(1000, 'how you know the family'),
  })
  .refine((v) => !!v.familyId !== !!v.reference, { message: 'give the family’s reference', path: ['reference'] })
export const ConflictView = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  familyId: Uuid,
  familyReference: z.string(),
  reason: z.string(),
  declaredAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
})
export const ConflictsView = z.object({ conflicts: z.array(ConflictView) })
export const EndConflictInput = z.object({ reason: requiredText(1000, 'why it ends') })

// -------------------------------------------------------------------- restricted records
export const RestrictionInput = z.object({
  restricted: z.boolean({ message: 'say whether the record is restricted' }),
  namedPeople: z.array(Uuid).max(30).default([]),
  reason: z.string().trim().max(1000).optional(),
})
export const BreakGlassInput = z.object({
  reference: z
    .string()
    .trim()
    .regex(/^F-\d{5,7}$/, { message: 'a family reference looks like F-00042' }),
  reason: requiredText(1000, 'why you need to open it'),
})
export const BreakGlassGranted = z.object({ id: Uuid, familyId: Uuid, expiresAt: z.string() })
export const BreakGlassList = z.object({
  grants: z.array(
    z.object({
      id: Uuid,
      familyId: Uuid,
      personName: z.string(),
      familyReference: z.string(),
      reason: z.string(),
      startedAt: z.string(),
      expiresAt: z.string(),
      review: z
        .object({
          outcome: z.enum(['justified', 'concern']),
          note: z.string().nullable(),
          reviewedBy: z.string(),
          reviewedAt: z.string(),
        })
        .nullable(),
    }),
  ),
})
export const BreakGlassReviewInput = z
  .object({
    outcome: z.enum(['justified', 'concern'], { message: 'choose justified or a concern' }),
    note: optionalText(1000),
  })
  .refine((v) => v.outcome === 'justified' || !!v.note, {
    message: 'say what the concern is',
    path: ['note'],
  })
/** Break-glass openings the person should know of: on records they are named on or hold, or to review. */
export const GlassAlerts = z.object({
  toReview: z.number().int(),
  openings: z.array(
    z.object({
      id: Uuid,
      familyId: Uuid,
      familyReference: z.string(),
      personName: z.string(),
      reason: z.string(),
      startedAt: z.string(),
      expiresAt: z.string(),
    }),
  ),
})
