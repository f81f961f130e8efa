import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { hashPassword } from '@hearth/db/passwords'
import { people } from '@hearth/db/schema/organisation'
import type { PersonInput } from '@hearth/contracts/organisation'
import { AppError } from '../../kernel/errors'
import { askForRoles, personView } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

/**
 * A new account starts with no roles: the roles asked for wait for a second administrator, so no
 * administrator can make an account with access to children's records and sign in as it alone.
 */
export async function createPerson(deps: Deps, caller: Caller, input: PersonInput) {
  const { db } = deps
  const passwordHash = await hashPassword(input.password)
  const { row, asked } = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.councilId, caller.councilId), eq(people.email, input.email)))
    if (existing)
      throw new AppError('conflict', 'Someone in this council already signs in with that email address.', [
        { field: 'body.email', message: 'already in use' },
      ])
    const [row] = await tx
      .insert(people)
      .values({ councilId: caller.councilId, name: input.name, email: input.email, roles: [], passwordHash })
      .returning()
    const asked = await askForRoles(tx, caller.councilId, row!.id, input.roles, caller.audit.actorPersonId!)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'person.create',
      recordType: 'person',
      recordId: row!.id,
      details: { rolesAsked: asked },
    })
    return { row: row!, asked }
  })
  return personView(row, [], asked)
}
