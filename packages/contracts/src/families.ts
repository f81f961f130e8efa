import { z } from 'zod'
import {
  DISABILITY_CODES,
  UPN_UNKNOWN_CODES,
  ETHNICITY_CODES,
  RELATIONSHIP_KINDS,
  SEX_CODES,
} from '@hearth/domain/census-codes'
import { isIsoDate } from '@hearth/domain/dates'
import {
  isValidLaChildId,
  isValidNhsNumber,
  isValidUpn,
  normaliseNhsNumber,
  upnHasLaCode,
} from '@hearth/domain/identifiers'
import { normalisePostcode } from '@hearth/domain/postcode'
import { optionalText, requiredText, Uuid, inYears, MAX_YEAR, MIN_YEAR } from './common'

const Postcode = z.string({ message: 'postcode is required' }).transform((s, ctx) => {
  const n = normalisePostcode(s)
  if (!n) {
    ctx.addIssue({ code: 'custom', message: 'enter a real postcode, like NM1 4AB' })
    return z.NEVER
  }
  return n
})
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD', params: { format: 'date' } })
  .refine(inYears, { message: `must be a date between ${MIN_YEAR} and ${MAX_YEAR}` })

export const FamilySummary = z.object({
  id: Uuid,
  reference: z.string(),
  name: z.string(),
  postcode: z.string(),
  patchId: Uuid.nullable(),
  patchName: z.string().nullable(),
  childCount: z.number().int(),
})
export const FamilyInput = z.object({
  name: requiredText(200, 'family name'),
  addressLine1: requiredText(200, 'address'),
  addressLine2: optionalText(200),
  town: requiredText(100, 'town'),
  postcode: Postcode,
  language: requiredText(60, 'language').default('English'),
  interpreterNeeded: z.boolean().default(false),
})
export type FamilyInput = z.infer<typeof FamilyInput>
export const FamilyUpdate = FamilyInput.partial().extend({
  /** Three Conversations stage, set by the team that holds the family. */
  conversationStage: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { message: 'the conversation stage is 1, 2 or 3' })
    .optional(),
})
export type FamilyUpdate = z.infer<typeof FamilyUpdate>

export const NhsNumber = z
  .string()
  .transform((s, ctx) => {
    const n = normaliseNhsNumber(s)
    if (n === '') return null
    if (!isValidNhsNumber(n)) {
      ctx.addIssue({
        code: 'custom',
        message: 'this NHS number is not valid: check the 10 digits (the last is a check digit)',
      })
      return z.NEVER
    }
    return n
  })
  .nullable()
  .optional()
const Upn = z
  .string()
  .transform((s, ctx) => {
    const u = s.trim().toUpperCase()
    if (u === '') return null
    if (!isValidUpn(u)) {
      ctx.addIssue({ code: 'custom', message: 'this UPN is not valid: a check letter then 12 characters' })
      return z.NEVER
    }
    if (!upnHasLaCode(u)) {
      ctx.addIssue({
        code: 'custom',
        message: 'this UPN is not valid: characters 2 to 4 are not a local authority code',
      })
      return z.NEVER
    }
    return u
  })
  .nullable()
  .optional()

export const ChildFields = z.object({
  firstName: requiredText(100, 'first name'),
  lastName: requiredText(100, 'last name'),
  dateOfBirth: IsoDate.nullable().optional(),
  expectedDateOfBirth: IsoDate.nullable().optional(),
  sex: z.enum(SEX_CODES, { message: 'sex must be M, F or U (unknown or unborn)' }),
  ethnicity: z
    .enum(ETHNICITY_CODES, { message: 'use a census ethnicity code, or NOBT if not yet obtained' })
    .default('NOBT'),
  nhsNumber: NhsNumber,
  upn: Upn,
  upnUnknown: z.enum(UPN_UNKNOWN_CODES, { message: 'choose why the UPN is not known' }).nullable().optional(),
  disabilities: z
    .array(z.enum(DISABILITY_CODES, { message: 'choose from the census list' }))
    .max(DISABILITY_CODES.length)
    .optional(),
  dateOfDeath: IsoDate.nullable().optional(),
  laChildId: z.string().refine(isValidLaChildId, { message: 'at most 20 letters and digits' }).optional(),
})

/** Census rule 8525Q: a date of birth or an expected date, not both, not neither; unborn children are sex U (8750). */
export function childRules(c: Partial<z.infer<typeof ChildFields>>, ctx: z.RefinementCtx, partial: boolean) {
  const hasDob = !!c.dateOfBirth
  const hasEdd = !!c.expectedDateOfBirth
  if (hasDob && hasEdd) {
    ctx.addIssue({
      code: 'custom',
      path: ['expectedDateOfBirth'],
      message: 'give a date of birth or an expected date of birth, not both',
    })
  }
  if (!partial && !hasDob && !hasEdd) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfBirth'],
      message: 'give a date of birth, or an expected date for an unborn child',
    })
  }
  // A birth in the future is an unborn child: point to the expected date instead.
  if (hasDob && c.dateOfBirth! > new Date().toISOString().slice(0, 10)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfBirth'],
      message: 'a date of birth cannot be in the future: for an unborn child, give the expected date of birth',
    })
  }
  if (c.disabilities?.includes('NONE') && c.disabilities.length > 1)
    ctx.addIssue({ code: 'custom', path: ['disabilities'], message: '“No disability” goes alone (census rule 8790)' })
  if (c.disabilities && new Set(c.disabilities).size !== c.disabilities.length)
    ctx.addIssue({ code: 'custom', path: ['disabilities'], message: 'each disability once (census rule 8794)' })
  if (c.upn && c.upnUnknown)
    ctx.addIssue({ code: 'custom', path: ['upnUnknown'], message: 'give the UPN or why it is not known, not both' })
  if (c.dateOfDeath && c.dateOfDeath > new Date().toISOString().slice(0, 10))
    ctx.addIssue({ code: 'custom', path: ['dateOfDeath'], message: 'the date cannot be in the future' })
  if (c.dateOfDeath && c.dateOfBirth && c.dateOfDeath < c.dateOfBirth)
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfDeath'],
      message: 'cannot be before the date of birth (census rule 8535Q)',
    })
  if (hasEdd && c.sex && c.sex !== 'U') {
    ctx.addIssue({ code: 'custom', path: ['sex'], message: 'an unborn child is recorded as U' })
  }
}
export const ChildInput = ChildFields.superRefine((c, ctx) => childRules(c, ctx, false))
export type ChildInput = z.infer<typeof ChildInput>
export const ChildUpdate = ChildFields.partial().superRefine((c, ctx) => childRules(c, ctx, true))
export type ChildUpdate = z.infer<typeof ChildUpdate>

export const Child = z.object({
  id: Uuid,
  familyId: Uuid,
  laChildId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  expectedDateOfBirth: z.string().nullable(),
  sex: z.enum(SEX_CODES),
  ethnicity: z.string(),
  nhsNumber: z.string().nullable(),
  upn: z.string().nullable(),
  upnUnknown: z.string().nullable(),
  disabilities: z.array(z.string()),
  dateOfDeath: z.string().nullable(),
})

export const AdultInput = z.object({
  name: requiredText(200, 'name'),
  description: optionalText(200),
  phone: optionalText(40),
  livesWithFamily: z.boolean().default(false),
})
export type AdultInput = z.infer<typeof AdultInput>
export const Adult = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  phone: z.string().nullable(),
  livesWithFamily: z.boolean(),
})

export const RelationshipInput = z.object({
  adultId: Uuid,
  childId: Uuid,
  kind: z.enum(RELATIONSHIP_KINDS, { message: `kind must be one of: ${RELATIONSHIP_KINDS.join(', ')}` }),
  strengths: optionalText(2000),
  worries: optionalText(2000),
})
export type RelationshipInput = z.infer<typeof RelationshipInput>
export const Relationship = z.object({
  id: Uuid,
  adultId: Uuid,
  childId: Uuid,
  kind: z.string(),
  strengths: z.string().nullable(),
  worries: z.string().nullable(),
})

export const FamilyDetail = z.object({
  id: Uuid,
  reference: z.string(),
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  patchId: Uuid.nullable(),
  patchName: z.string().nullable(),
  language: z.string(),
  interpreterNeeded: z.boolean(),
  conversationStage: z.number().int(),
  /** The address is confidential (withheld here unless you are named on it). */
  addressConfidential: z.boolean().default(false),
  addressVisible: z.boolean().optional(),
  /** Who may see a confidential address (shown to them only). */
  addressShownTo: z.array(Uuid).default([]),
  /** A restricted record: only the staff named see it (everyone else: not found). */
  restricted: z.boolean().default(false),
  restrictedTo: z.array(Uuid).default([]),
  children: z.array(Child),
  adults: z.array(Adult),
  relationships: z.array(Relationship),
})

export const FamilyListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

// -------------------------------------------------------------------- chronology
/** One line of the family's story. Each capability writes its own kinds of line. */
export const ChronologyEntry = z.object({
  at: z.string(),
  /** The kind of line (referral, visit, note, plan, …), named by the capability that writes it. */
  kind: z.string(),
  /** The kind in words, for choosing what to show ("Visit", "Strategy decision"). */
  kindLabel: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  byName: z.string().nullable(),
  link: z.string().nullable(),
  /** The children the entry is about (a note's children); empty for the whole family. */
  childIds: z.array(Uuid).default([]),
})

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
