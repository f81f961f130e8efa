import type { RouteCases } from '@hearth/test-kit/route-cases'

/** search: no write routes; the GETs that read case records. */
const cases: RouteCases = {
  bad: {},
  validBody: {},
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/search': () => ({ as: 'practitioner', path: '/api/search?q=Ava+Testfamily' }),
  },
}
export default cases
