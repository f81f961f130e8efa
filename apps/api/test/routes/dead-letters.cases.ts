import type { RouteCases } from '@hearth/test-kit/route-cases'

/** dead-letters: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/admin/dead-letters/:queue/:jobId/retry': { as: 'administrator', cases: [] },
  },
  validBody: {},
}
export default cases
