import { z } from 'zod'
import { normalisePostcodeArea } from '@hearth/domain/postcode'
import { ROLES, TEAM_KINDS } from '@hearth/domain/roles'
import { OptionalPhone, requiredText, Uuid } from './common'

const PostcodeArea = z.string().transform((s, ctx) => {
  const n = normalisePostcodeArea(s)
  if (!n) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a postcode district (like NM1) or sector (like NM1 4)` })
    return z.NEVER
  }
  return n
})

export const Patch = z.object({
  id: Uuid,
  name: z.string(),
  postcodeAreas: z.array(z.string()),
  teamCount: z.number().int(),
})
export const PatchInput = z.object({
  name: requiredText(100, 'name'),
  postcodeAreas: z.array(PostcodeArea).min(1, { message: 'give at least one postcode district or sector' }).max(200),
})
export type PatchInput = z.infer<typeof PatchInput>

export const Team = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  patchId: Uuid.nullable(),
  patchName: z.string().nullable(),
  caseloadCap: z.number().int(),
  memberCount: z.number().int(),
  /** The team's phone line, given in letters to the families it works with. */
  phone: z.string().nullable(),
})
export const TeamInput = z.object({
  name: requiredText(100, 'name'),
  kind: z.enum(TEAM_KINDS, { message: `kind must be one of: ${TEAM_KINDS.join(', ')}` }),
  patchId: Uuid.nullable().optional(),
  caseloadCap: z.number().int().min(1).max(40).optional(),
  phone: OptionalPhone,
})
export type TeamInput = z.infer<typeof TeamInput>
export const TeamUpdate = z.object({
  name: requiredText(100, 'name').optional(),
  patchId: Uuid.nullable().optional(),
  caseloadCap: z.number().int().min(1).max(40).optional(),
  phone: OptionalPhone,
})
export type TeamUpdate = z.infer<typeof TeamUpdate>

export const Member = z.object({
  personId: Uuid,
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
})
export const TeamDetail = Team.extend({ members: z.array(Member) })
export const AddMemberBody = z.object({ personId: Uuid })

export const Person = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  locked: z.boolean(),
  teams: z.array(z.object({ id: Uuid, name: z.string() })),
  /** Roles given but not yet approved by a second administrator: they give no access yet. */
  pendingRoles: z.array(z.enum(ROLES)),
})

/** A role waiting for a second administrator. */
export const RoleGrant = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  /** A role, or `new_password`: a password another administrator set for them. */
  role: z.enum([...ROLES, 'new_password']),
  requestedByName: z.string(),
  requestedAt: z.string(),
  /** False for the administrator who asked and for the person themself: a second administrator decides. */
  canDecide: z.boolean(),
})
export const RoleGrantDecision = z.object({ approve: z.boolean() })
const Roles = z
  .array(z.enum(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` }))
  .min(1, { message: 'choose at least one role' })
  .refine((r) => new Set(r).size === r.length, { message: 'a role is listed twice' })
const Password = z.string().min(12, { message: 'must be at least 12 characters' }).max(200)
export const PersonInput = z.object({
  name: requiredText(200, 'name'),
  email: z.string().trim().toLowerCase().email({ message: 'enter an email address, like name@example.org' }),
  roles: Roles,
  password: Password,
})
export type PersonInput = z.infer<typeof PersonInput>
export const PersonUpdate = z.object({
  name: requiredText(200, 'name').optional(),
  roles: Roles.optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
  /** Clears a lock-out after repeated failed sign-ins. */
  unlock: z.literal(true).optional(),
})
export type PersonUpdate = z.infer<typeof PersonUpdate>
