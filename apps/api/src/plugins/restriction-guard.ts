import { and, eq, type SQL } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { Db } from '@hearth/db/client'
import { notFound } from '../kernel/errors'
import { familyInScope } from '../modules/families/family-queries'
import { FAMILY_RECORDS, type FamilyDeclaration, familyKeptFrom } from '../kernel/family-access'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What the route's `:id` is, as far as family access goes (`FamilyDeclaration`): the family
     * itself (`'id'`), a record of one family by kind (`'note'`, `'task'` …), checked here before
     * the handler runs, or `{ not: why }`. Every route with an `:id` declares it, or is not added.
     */
    family?: FamilyDeclaration
  }
}

/** Routes whose path names an `:id`: each must say what it is. */
export const namesAnId = (url: string) => /\/:id(\/|$)/.test(url)

/**
 * Family access before the handler, declared on the route (`config.family`) rather than
 * remembered by it. The family named by `:id` must be in the caller's scope (patches or teams, not
 * restricted from them, no conflict); a record of a family answers "not found" when its family is
 * kept from the caller (restricted and not named on it, without break-glass, or a declared
 * conflict), whatever their role: an enabler's task, a strategy member's proposal, an adviser's
 * consultation, exactly as the family's own routes do. A route with an `:id` that declares nothing
 * stops the app from starting, naming the route.
 */
export default fp<{ db: Db }>(
  async (app, opts) => {
    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path
      if (!namesAnId(url) || route.config?.access === 'public') return
      if (!route.config?.family)
        throw new Error(
          `${String(route.method)} ${url} names an :id but does not declare config.family ` +
            "('id', a family record's kind, or { not: why })",
        )
    })
    app.addHook('onRequest', async (request) => {
      const actor = request.actor
      const declared = request.routeOptions.config?.family
      if (!actor || !declared || typeof declared === 'object') return
      const id = (request.params as { id?: string }).id
      if (!id || !UUID.test(id)) return // the schema refuses it (400)
      if (declared === 'id') {
        await familyInScope(opts.db, actor.councilId, actor.familyScope, id)
        return
      }
      const table = FAMILY_RECORDS[declared]
      const t = table as unknown as Record<'id' | 'familyId' | 'councilId', SQL>
      const [row] = await opts.db
        .select({ hidden: familyKeptFrom(actor, t.familyId) })
        .from(table)
        .where(and(eq(t.councilId, actor.councilId), eq(t.id, id)))
      if (row?.hidden) throw notFound()
    })
  },
  { name: 'restriction-guard', dependencies: ['auth'] },
)
