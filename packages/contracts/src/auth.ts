import { z } from 'zod'
import { ROLES, TEAM_KINDS } from '@hearth/domain'
import { Uuid } from './common'

export const SignInBody = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'enter an email address, like name@example.org' }),
  password: z.string().min(1, { message: 'enter your password' }).max(200),
})
export type SignInBody = z.infer<typeof SignInBody>

export const Me = z.object({
  personId: Uuid,
  councilId: Uuid,
  councilName: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  teams: z.array(z.object({ id: Uuid, name: z.string(), kind: z.enum(TEAM_KINDS), patchId: Uuid.nullable() })),
  /** Send back as the X-CSRF-Token header on every change. */
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
})
export type Me = z.infer<typeof Me>
