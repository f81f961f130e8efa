import type { Ctx, Deps } from '../../kernel/context'
import { getPerson } from './get-person'
import { and, eq } from 'drizzle-orm'
import { hashPassword, people, writeAudit } from '@hearth/db'
import type { PersonUpdate } from '@hearth/contracts'
import type { Role } from '@hearth/domain'
import { invalid, notFound } from '../../kernel/errors'
import { endAllSessions } from '../../plugins/auth'
import { askForPassword, askForRoles, assertHoldsNoFamilies, personOf } from './organisation-queries'

export async function updatePerson(deps: Deps, ctx: Ctx, personId: string, input: PersonUpdate) {
  const { db } = deps
  const current = await personOf(db, ctx.councilId, personId)
  if (!current) throw notFound('person')
  if (input.active === false && personId === ctx.actorPersonId)
    throw invalid('body.active', 'you cannot close your own account')
  if (input.roles && personId === ctx.actorPersonId && !input.roles.includes('administrator')) {
    throw invalid('body.roles', 'you cannot remove your own administrator role')
  }
  if (input.active === false)
    await assertHoldsNoFamilies(db, ctx.councilId, personId, null, 'body.active', 'Their account cannot be closed yet')
  if (input.roles && !input.roles.includes('practitioner') && (current.roles as Role[]).includes('practitioner')) {
    await assertHoldsNoFamilies(
      db,
      ctx.councilId,
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
  const own = personId === ctx.actorPersonId
  const newHash = input.password !== undefined ? await hashPassword(input.password) : null
  if (newHash && own) set.passwordHash = newHash
  if (input.unlock) Object.assign(set, { failedSignIns: 0, lockedUntil: null })
  await db.transaction(async (tx) => {
    await tx
      .update(people)
      .set(set)
      .where(and(eq(people.councilId, ctx.councilId), eq(people.id, personId)))
    const asked = input.roles ? await askForRoles(tx, ctx.councilId, personId, added, ctx.actorPersonId!) : []
    if (newHash && !own) await askForPassword(tx, ctx.councilId, personId, newHash, ctx.actorPersonId!)
    const fields = Object.keys(input).filter((k) => k !== 'password')
    await writeAudit(tx, {
      ...ctx,
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
  if (input.active === false || (newHash && own)) await endAllSessions(db, ctx.councilId, personId)
  return getPerson(deps, ctx, personId)
}
