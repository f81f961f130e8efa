import { z } from 'zod'
import { optionalText, Uuid } from './common'
import { IsoDate } from './families'

const FamilyRef = z
  .string()
  .trim()
  .regex(/^F-\d{5,7}$/, { message: 'a family reference looks like F-00042' })

// -------------------------------------------------------------------- a family's whole record
export const RecordExportView = z.object({
  id: Uuid,
  familyId: Uuid,
  purpose: z.enum(['record', 'sar_gather', 'sar_response']),
  status: z.enum(['queued', 'running', 'done', 'failed', 'expired']),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  percent: z.number().int(),
  requestedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Each kind of record and how many of it. */
  counts: z.array(z.object({ kind: z.string(), label: z.string(), rows: z.number().int() })),
  /** The files ready to download. */
  files: z.array(z.enum(['pdf', 'json', 'csv'])),
  error: z.string().nullable(),
})
export type RecordExportView = z.infer<typeof RecordExportView>
export const RecordExportFileParams = z.object({ id: Uuid, file: z.enum(['pdf', 'json', 'csv']) })

// -------------------------------------------------------------------- subject access requests
export const SarFamilyQuery = z.object({ reference: FamilyRef })
export const SarFamilyView = z.object({
  familyId: Uuid,
  reference: z.string(),
  name: z.string(),
  people: z.array(z.object({ kind: z.enum(['adult', 'child']), id: Uuid, name: z.string() })),
})
/** Someone who may be asking, found by their name (information governance: the whole council). */
export const SarPeopleQuery = z.object({
  name: z
    .string({ message: 'enter a name' })
    .trim()
    .min(2, { message: 'enter at least 2 letters of the name' })
    .max(100, { message: 'must be 100 characters or fewer' }),
})
export const SarPeopleView = z.object({
  matches: z.array(
    z.object({
      familyId: Uuid,
      reference: z.string(),
      familyName: z.string(),
      kind: z.enum(['adult', 'child']),
      id: Uuid,
      name: z.string(),
      dateOfBirth: z.string().nullable(),
    }),
  ),
})
export const SarCreate = z.object({
  reference: FamilyRef,
  requesterKind: z.enum(['adult', 'child'], { message: 'choose who asked' }),
  requesterId: Uuid,
  receivedOn: IsoDate,
})
export const SAR_CLOCKS = ['on_time', 'due_soon', 'overdue', 'sent'] as const
export const SarView = z.object({
  id: Uuid,
  reference: z.string(),
  familyId: Uuid,
  familyReference: z.string(),
  requesterKind: z.enum(['adult', 'child']),
  requesterName: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  clock: z.enum(SAR_CLOCKS),
  status: z.enum(['gathering', 'reviewing', 'producing', 'ready', 'sent', 'failed']),
  createdBy: z.string(),
  createdAt: z.string(),
  sentOn: z.string().nullable(),
  redactions: z.object({ total: z.number().int(), decided: z.number().int(), withheld: z.number().int() }),
  exports: z.array(RecordExportView),
})
export type SarView = z.infer<typeof SarView>
export const SarList = z.object({ requests: z.array(SarView) })
export const SarRedactionView = z.object({
  id: Uuid,
  kind: z.string(),
  kindLabel: z.string(),
  rowId: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  /** The passage marked; null: the whole field. */
  passage: z.string().nullable(),
  /** The field as written, for the officer to judge. */
  context: z.string(),
  reason: z.enum(['third_party_name', 'third_party_details', 'other_agency', 'confidential_address']),
  reasonLabel: z.string(),
  fixed: z.boolean(),
  decision: z.enum(['withhold', 'release']).nullable(),
  why: z.string().nullable(),
  decidedBy: z.string().nullable(),
})
export type SarRedactionView = z.infer<typeof SarRedactionView>
export const SarRedactionList = z.object({ sarId: Uuid, familyId: Uuid, redactions: z.array(SarRedactionView) })
export const RedactionDecision = z
  .object({
    decision: z.enum(['withhold', 'release'], { message: 'choose withhold or release' }),
    why: optionalText(1000),
  })
  .refine((v) => v.decision === 'withhold' || !!v.why, {
    message: 'say why this can be released (for example, the requester already knows it)',
    path: ['why'],
  })
/** Every undecided passage alike at once: the same words, or the same reason for a whole field. */
export const RedactionBulkDecision = z
  .object({
    passage: z.string().trim().min(1).max(300).nullable(),
    reason: z.enum(['third_party_name', 'third_party_details', 'other_agency', 'confidential_address'], {
      message: 'choose the reason',
    }),
    decision: z.enum(['withhold', 'release'], { message: 'choose withhold or release' }),
    why: optionalText(1000),
  })
  .refine((v) => v.decision === 'withhold' || !!v.why, {
    message: 'say why these can be released (for example, the requester already knows it)',
    path: ['why'],
  })
export const SarSent = z.object({ sentOn: IsoDate })
/** The copy as the person asking will read it, for the officer to check on screen before producing it. */
export const SarPreview = z.object({
  sarId: Uuid,
  /** Passages still to decide, shown as "[not yet decided]" until they are. */
  undecided: z.number().int(),
  title: z.string(),
  lines: z.array(z.string()),
  sections: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      entries: z.array(
        z.object({ title: z.string(), fields: z.array(z.object({ label: z.string(), value: z.string() })) }),
      ),
    }),
  ),
})
export type SarPreview = z.infer<typeof SarPreview>
export type SarCreate = z.infer<typeof SarCreate>
