import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBody } from '@hearth/contracts/common'
import { SearchQuery, SearchResults } from '@hearth/contracts/search'
import { readsList } from '../../kernel/reads'
import { searchRecords } from './search-records'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

/** The search box in the staff header. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  app.get(
    '/search',
    {
      config: {
        access: 'signed_in',
        // what was searched, and what was shown: both are in the audit row
        reads: readsList('search', 'search', {
          key: 'results',
          details: (request) => ({ q: (request.query as { q?: string }).q ?? '' }),
        }),
      },
      schema: {
        tags: ['search'],
        summary: 'Find children, adults, families, referrals and staff, as far as you may see them',
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errors },
      },
    },
    async (request) => searchRecords(deps, callerOf(request), request.query.q),
  )
}

export default routes
