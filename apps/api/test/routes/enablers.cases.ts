import type { RouteCases } from '@hearth/test-kit/route-cases'

/** enablers: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/tasks/:id/claim': { as: 'enabler', cases: [] },
    'POST /api/tasks/:id/release': { as: 'enabler', cases: [] },
    'POST /api/tasks/:id/complete': {
      as: 'enabler',
      cases: [
        { body: { outcome: '' }, field: 'body.outcome' },
        { body: { outcome: 'Sent', reference: 'x'.repeat(201) }, field: 'body.reference' },
      ],
    },
    'POST /api/families/:id/ask-enabler': {
      as: 'practitioner',
      cases: [
        { body: { request: '  ' }, field: 'body.request' },
        { body: {}, field: 'body.request' },
      ],
    },
    'PUT /api/task-settings/:taskType': {
      as: 'administrator',
      cases: [
        { body: { dueHours: 0, minutesSaved: 10 }, field: 'body.dueHours' },
        { body: { dueHours: 24, minutesSaved: -1 }, field: 'body.minutesSaved' },
      ],
    },
  },
  validBody: {
    'POST /api/tasks/:id/complete': () => ({
      outcome: 'Across councils must not work.',
    }),
    'POST /api/families/:id/ask-enabler': () => ({
      request: 'Across councils must not work.',
    }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/tasks/:id/letter': (ids) => ({ as: 'enabler', path: `/api/tasks/${ids.task}/letter` }),
    'GET /api/tasks': () => ({ as: 'enabler', path: '/api/tasks' }),
    'GET /api/me/requests': () => ({ as: 'practitioner', path: '/api/me/requests' }),
  },
}
export default cases
