import { z } from 'zod'
import { requiredText, Uuid } from './common'

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
