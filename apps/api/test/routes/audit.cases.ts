import type { RouteCases } from '../../../../test/kit/route-cases'

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
}
export default cases
