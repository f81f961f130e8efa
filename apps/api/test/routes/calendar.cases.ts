import type { RouteCases } from '@hearth/test-kit/route-cases'

/** calendar: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/bank-holidays': {
      as: 'administrator',
      cases: [
        { body: { date: '2026-02-30', name: 'Not a day' }, field: 'body.date' },
        { body: { date: '2026-07-01', name: '' }, field: 'body.name' },
      ],
    },
    'DELETE /api/bank-holidays/:date': { as: 'administrator', cases: [] },
  },
  validBody: {},
}
export default cases
