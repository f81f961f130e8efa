import type { Deps } from '../../kernel/context'
import { getPerson } from './get-person'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { hashPassword } from '@hearth/db/passwords'
import { people } from '@hearth/db/schema/organisation'
import type { PersonUpdate } from '@hearth/contracts/organisation'
import type { Role } from '@hearth/domain/roles'
import { invalid, notFound } from '../../kernel/errors'
import { endAllSessions } from '../../kernel/sessions'
import { askForPassword, askForRoles, assertHoldsNoFamilies, personOf } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function updatePerson(deps: Deps, caller: Caller, personId: string, input: PersonUpdate) {
  const { db } = deps
  const current = await personOf(db, caller.councilId, personId)
  if (!current) throw notFound('person')
  if (input.active === false && personId === caller.audit.actorPersonId)
    throw invalid('body.active', 'you cannot close your own account')
  if (input.roles && personId === caller.audit.actorPersonId && !input.roles.includes('administrator')) {
    throw invalid('body.roles', 'you cannot remove your own administrator role')
  }
  if (input.active === false)
    await assertHoldsNoFamilies(
      db,
      caller.councilId,
      personId,
      null,
      'body.active',
      'Their account cannot be closed yet',
    )
  if (input.roles && !input.roles.includes('practitioner') && (current.roles as Role[]).includes('practitioner')) {
    await assertHoldsNoFamilies(
      db,
      caller.councilId,
      personId,
      null,
      'body.roles',
      'They cannot stop being a practitioner yet',
    )
  }
  const set: Partial<typeof people.$inferInsert> = { updatedAt: new Date() }
  if (input.name !== undefined) set.name = input.name
  // Roles taken away go at once; roles added wait for a second administrator (askForRoles).
  const had = current.roles as Role[]
  const added = input.roles?.filter((r) => !had.includes(r)) ?? []
  const removed = input.roles ? had.filter((r) => !input.roles!.includes(r)) : []
  if (input.roles !== undefined) set.roles = had.filter((r) => input.roles!.includes(r))
  if (input.active !== undefined) set.active = input.active
  // your own password changes at once; someone else's waits for a second administrator
  const own = personId === caller.audit.actorPersonId
  const newHash = input.password !== undefined ? await hashPassword(input.password) : null
  if (newHash && own) set.passwordHash = newHash
  if (input.unlock) Object.assign(set, { failedSignIns: 0, lockedUntil: null })
  await db.transaction(async (tx) => {
    await tx
      .update(people)
      .set(set)
      .where(and(eq(people.councilId, caller.councilId), eq(people.id, personId)))
    const asked = input.roles
      ? await askForRoles(tx, caller.councilId, personId, added, caller.audit.actorPersonId!)
      : []
    if (newHash && !own) await askForPassword(tx, caller.councilId, personId, newHash, caller.audit.actorPersonId!)
    const fields = Object.keys(input).filter((k) => k !== 'password')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'person.update',
      recordType: 'person',
      recordId: personId,
      details: {
        fields,
        passwordChanged: !!newHash && own,
        passwordAsked: !!newHash && !own,
        rolesRemoved: removed,
        rolesAsked: asked,
      },
    })
  })
  if (input.active === false || (newHash && own)) await endAllSessions(db, caller.councilId, personId)
  return getPerson(deps, caller, personId)
}
