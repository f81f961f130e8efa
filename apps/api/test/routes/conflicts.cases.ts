import type { RouteCases } from '@hearth/test-kit/route-cases'

/** conflicts of interest: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/me/conflicts': {
      as: 'practitioner',
      cases: [
        { body: { reason: 'My neighbours' }, field: 'body.reference' },
        { body: { reference: 'the Smiths', reason: 'My neighbours' }, field: 'body.reference' },
        { body: { reference: 'F-00001' }, field: 'body.reason' },
      ],
    },
    'POST /api/conflicts/:id/end': { as: 'administrator', cases: [{ body: {}, field: 'body.reason' }] },
  },
  validBody: {
    'POST /api/conflicts/:id/end': () => ({ reason: 'Across councils must not work.' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/me/conflicts': () => ({ as: 'practitioner', path: '/api/me/conflicts' }),
    'GET /api/conflicts': () => ({ as: 'administrator', path: '/api/conflicts' }),
  },
}
export default cases
