import type { Ctx, Deps } from '../../kernel/context'
import { eq } from 'drizzle-orm'
import { hashPassword, people, writeAudit } from '@hearth/db'
import type { PersonInput } from '@hearth/contracts'
import { AppError } from '../../kernel/errors'
import { personView } from './organisation-queries'

export async function createPerson(deps: Deps, ctx: Ctx, input: PersonInput) {
  const { db } = deps
  const passwordHash = await hashPassword(input.password)
  const row = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: people.id }).from(people).where(eq(people.email, input.email))
    if (existing)
      throw new AppError('conflict', 'Someone already signs in with that email address.', [
        { field: 'body.email', message: 'already in use' },
      ])
    const [row] = await tx
      .insert(people)
      .values({ councilId: ctx.councilId, name: input.name, email: input.email, roles: input.roles, passwordHash })
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: 'person.create',
      recordType: 'person',
      recordId: row!.id,
      details: { roles: input.roles },
    })
    return row!
  })
  return personView(row, [])
}
