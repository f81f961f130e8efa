import { z } from 'zod'
import { CONTACT_HOLD_REASONS } from '@hearth/domain/contact-holds'
import { requiredText, Uuid } from './common'

const HoldReason = z.enum(Object.keys(CONTACT_HOLD_REASONS) as [keyof typeof CONTACT_HOLD_REASONS])

export const ContactHoldView = z.object({
  id: Uuid,
  reason: HoldReason,
  reasonText: z.string(),
  note: z.string().nullable(),
  startedAt: z.string(),
  startedByName: z.string().nullable(),
})
export const HeldContactView = z.object({
  id: Uuid,
  label: z.string(),
  details: z.string().nullable(),
  heldReason: z.string().nullable(),
  createdAt: z.string(),
})
/** Whether Hearth may contact the family by itself, and what is waiting for the lead's decision. */
export const FamilyContact = z.object({
  holds: z.array(ContactHoldView),
  held: z.array(HeldContactView),
  /** The caller is the family's lead: only they lift a hold or decide about held contact. */
  youAreLead: z.boolean(),
})
export const PlaceHoldInput = z.object({ note: requiredText(1000, 'why the family must not be contacted') })
export const EndHoldInput = z.object({ reason: requiredText(1000, 'why contact is safe now') })
export const HeldDecisionInput = z.object({
  send: z.boolean({ message: 'choose whether to send it' }),
  reason: requiredText(1000, 'the reason for your decision'),
})
export const HoldParams = z.object({ id: Uuid, holdId: Uuid })
