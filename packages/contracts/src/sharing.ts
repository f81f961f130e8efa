import { z } from 'zod'
import { SHARING_DECISION_LIST, SHARING_RECIPIENT_KIND_LIST } from '@hearth/domain/sharing'
import { requiredText, Uuid } from './common'
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
