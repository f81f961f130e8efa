import type { RouteCases } from '@hearth/test-kit/route-cases'

/** contact time: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'PUT /api/teams/:id/members/:personId/working-pattern': {
      as: 'practitioner',
      cases: [
        { body: { minutes: [444, 444, 444] }, field: 'body.minutes' },
        { body: { minutes: [444, 444, 444, 444, 2000, 0, 0] }, field: 'body.minutes.4' },
        { body: { minutes: [444, 444, 444, 444, -1, 0, 0] }, field: 'body.minutes.4' },
      ],
    },
    'POST /api/teams/:id/members/:personId/leave': {
      as: 'practitioner',
      cases: [
        { body: { from: '2026-12-10', to: '2026-12-01' }, field: 'body.to' },
        { body: { from: 'next week', to: '2026-12-01' }, field: 'body.from' },
        { body: { from: '2026-01-01', to: '2028-01-01' }, field: 'body.to' },
      ],
    },
  },
  validBody: {
    'PUT /api/teams/:id/members/:personId/working-pattern': () => ({ minutes: [450, 450, 450, 0, 0, 0, 0] }),
    'POST /api/teams/:id/members/:personId/leave': () => ({ from: '2031-01-06', to: '2031-01-10' }),
  },
}
export default cases
