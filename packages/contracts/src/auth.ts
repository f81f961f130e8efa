import { z } from 'zod'
import { ROLES, TEAM_KINDS } from '@hearth/domain/roles'
import { Uuid } from './common'

export const SignInBody = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'enter an email address, like name@example.org' }),
  password: z.string().min(1, { message: 'enter your password' }).max(200),
  /**
   * The council you work for (GET /api/auth/councils). Email addresses are unique within a
   * council, not across Hearth: without it, the email must belong to exactly one council.
   */
  councilId: Uuid.optional(),
})
/** The councils on this Hearth, for the sign-in page (public: council names are not case data). */
export const CouncilChoice = z.object({ id: Uuid, name: z.string() })
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
