import { and, eq, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import fp from 'fastify-plugin'
import {
  adminTasks,
  assessments,
  caseSteps,
  commissions,
  type Db,
  familyLinks,
  familyMeetings,
  familyMessages,
  insightRequests,
  notes,
  planItems,
  proposals,
  visits,
} from '@hearth/db'
import { notFound } from '../kernel/errors'
import { familyInScope } from '../modules/families/family-queries'
import { familyKeptFrom } from '../kernel/family-access'

/**
 * Routes whose `:id` is a record of one family (a note, a task, a proposal …), by the table
 * holding it. Before such a route runs, the record's family is looked up: a restricted record
 * answers "not found" to everyone not named on it and without break-glass, and a family the caller
 * declared a conflict with answers the same, whatever their role (an enabler's task, a strategy
 * member's proposal, an adviser's consultation), exactly as the family's own routes do.
 */
export const FAMILY_RECORD_ROUTES: Record<string, PgTable & { id: unknown; familyId: unknown; councilId: unknown }> = {
  '/api/assessments/:id': assessments,
  '/api/commissions/:id': commissions,
  '/api/family-links/:id': familyLinks,
  '/api/family-meetings/:id': familyMeetings,
  '/api/family-messages/:id': familyMessages,
  '/api/insight/requests/:id': insightRequests,
  '/api/notes/:id': notes,
  '/api/plan-items/:id': planItems,
  '/api/proposals/:id': proposals,
  '/api/steps/:id': caseSteps,
  '/api/tasks/:id': adminTasks,
  '/api/visits/:id': visits,
}

/** Routes with an `:id` that is not a record of one family, or is checked its own way, with why. */
export const NOT_FAMILY_RECORD_ROUTES: Record<string, string> = {
  '/api/families/:id': 'the family itself: familyInScope checks the restriction',
  '/api/children/:id': 'the child: checked through its family (familyInScope)',
  '/api/teams/:id': 'a team',
  '/api/council/teams/:id': 'a team, in the council view (counts)',
  '/api/directory/services/:id': 'a service in the directory',
  '/api/patches/:id': 'a patch',
  '/api/people/:id': 'a member of staff',
  '/api/role-grants/:id': 'a role given to staff',
  '/api/conflicts/:id': 'a member of staff’s declaration',
  '/api/break-glass/:id': 'a break-glass opening (information governance reviews every one)',
  '/api/audit/exports/:id': 'an audit export (administrators)',
  '/api/record-exports/:id':
    'whole-record exports: the asker’s family scope is checked; requests’ by information governance',
  '/api/subject-access-requests/:id': 'information governance answers for the council, restricted records included',
  '/api/sar-redactions/:id': 'information governance answers for the council, restricted records included',
  '/api/referrals/:id':
    'the front door must decide a new referral about any family; a restricted family’s record stays closed',
  '/api/returns/census/:id': 'a census return (counts and codes)',
  '/api/returns/annex-a/:id': 'an Annex A workbook',
  '/api/returns/children/:id': 'the census details of a child: checked in its handler',
  '/api/steps/:id/letter-before-proceedings': 'covered by /api/steps/:id',
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `'id'`: the route's `:id` is a family the caller must have in scope (their patches or teams,
     * not restricted from them, no conflict): checked here before the handler, so the route
     * declares it instead of calling `familyInScope` itself.
     */
    family?: 'id'
  }
}

export default fp<{ db: Db }>(
  async (app, opts) => {
    app.addHook('onRequest', async (request) => {
      const url = request.routeOptions.url
      const actor = request.actor
      if (!url || !actor) return
      if (request.routeOptions.config?.family === 'id') {
        const id = (request.params as { id?: string }).id
        if (id && UUID.test(id)) await familyInScope(opts.db, actor.councilId, actor.familyScope, id)
        return
      }
      const prefix = Object.keys(FAMILY_RECORD_ROUTES).find((p) => url === p || url.startsWith(`${p}/`))
      if (!prefix) return
      const id = (request.params as { id?: string }).id
      if (!id || !UUID.test(id)) return // the schema refuses it (400)
      const t = FAMILY_RECORD_ROUTES[prefix]! as unknown as Record<'id' | 'familyId' | 'councilId', SQL>
      const [row] = await opts.db
        .select({ hidden: familyKeptFrom(actor, t.familyId) })
        .from(FAMILY_RECORD_ROUTES[prefix]!)
        .where(and(eq(t.councilId, actor.councilId), eq(t.id, id)))
      if (row?.hidden) throw notFound()
    })
  },
  { name: 'restriction-guard', dependencies: ['auth'] },
)
