import type { RouteCases } from '@hearth/test-kit/route-cases'

/** audit: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/audit/exports': {
      as: 'administrator',
      cases: [
        { body: { from: '2026-13-01' }, field: 'body.from' },
        { body: { personId: 'someone' }, field: 'body.personId' },
      ],
    },
  },
  validBody: {},
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/audit/exports/:id/download': (ids) => ({
      as: 'administrator',
      path: `/api/audit/exports/${ids.export}/download`,
    }),
    'GET /api/audit': (ids) => ({ as: 'administrator', path: `/api/audit?childId=${ids.child}` }),
  },
}
export default cases
