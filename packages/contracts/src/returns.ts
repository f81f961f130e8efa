import { z } from 'zod'
import { Uuid } from './common'
import { IsoDate } from './families'
import { Child, ChildFields, childRules } from './families'

/** Produce a census return for the collection year ending 31 March of `collectionYear`. */
export const CensusRunCreate = z.object({
  collectionYear: z
    .number({ message: 'choose the collection year' })
    .int({ message: 'choose the collection year' })
    .min(2021, { message: 'Hearth produces returns from 2020–21' })
    .max(2100, { message: 'choose the collection year' }),
})

export const CensusFinding = z.object({
  code: z.string(),
  severity: z.enum(['error', 'query']),
  message: z.string(),
  children: z.array(z.object({ childId: z.string(), familyId: z.string(), laChildId: z.string() })),
  /** A query accepted with a reason (kept with the return). */
  accepted: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
})

export const CensusRunView = z.object({
  id: Uuid,
  collectionYear: z.number().int(),
  /** "2026–27". */
  label: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  childrenTotal: z.number().int(),
  childrenDone: z.number().int(),
  /** 0–100. */
  percent: z.number().int(),
  requestedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Children in the return (when done). */
  children: z.number().int().nullable(),
  errors: z.number().int(),
  queries: z.number().int(),
  /** No error, and every query accepted with a reason. */
  readyToSubmit: z.boolean(),
  findings: z.array(CensusFinding),
  error: z.string().nullable(),
})

export const QueryAccept = z.object({
  code: z.string().regex(/^[0-9]{3,4}Q$/, { message: 'not a query code' }),
  reason: z.string().trim().min(1, { message: 'say why the query stands' }).max(2000),
})

/** What the data team may correct on a child for the census: characteristics and identifiers. */
export const CensusChildFix = ChildFields.pick({
  ethnicity: true,
  upn: true,
  upnUnknown: true,
  disabilities: true,
  dateOfDeath: true,
})
  .partial()
  .superRefine((c, ctx) => childRules(c, ctx, true))

/** A child as the census sees them, for the data team: the record, the team holding the family, the episodes. */
export const CensusChildView = z.object({
  child: Child,
  holdingTeam: z.string().nullable(),
  collectionYear: z.number().int(),
  episodes: z.array(
    z.object({
      referralDate: z.string(),
      referralSource: z.string(),
      primaryNeed: z.string().nullable(),
      closureDate: z.string().nullable(),
      closureReason: z.string().nullable(),
      referralNfa: z.boolean(),
      assessments: z.number().int(),
      cinPlans: z.number().int(),
      section47s: z.number().int(),
      cpPlans: z.number().int(),
      preProceedings: z.number().int(),
    }),
  ),
})

/** Produce Annex A for a period (usually the six months before the inspection). */
export const AnnexRunCreate = z.object({ from: IsoDate, to: IsoDate })

export const AnnexRunView = z.object({
  id: Uuid,
  from: z.string(),
  to: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  childrenTotal: z.number().int(),
  childrenDone: z.number().int(),
  percent: z.number().int(),
  requestedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  lists: z.array(
    z.object({ number: z.number().int(), name: z.string(), rows: z.number().int(), note: z.string().nullable() }),
  ),
  error: z.string().nullable(),
})
