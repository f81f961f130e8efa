import type { RouteCases } from '@hearth/test-kit/route-cases'

/** team-board: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/teams/:id/offers/:offerId/claim': {
      as: 'practitioner',
      cases: [
        { body: { coWorkerId: 'someone' }, field: 'body.coWorkerId' },
        { body: { presentIds: ['x'] }, field: 'body.presentIds.0' },
        { body: { coWorkerId: '00000000-0000-4000-8000-000000000000' }, field: 'body.coWorkerId' },
      ],
    },
    'POST /api/families/:id/conversation': {
      as: 'practitioner',
      cases: [
        { body: { stage: 4, reason: 'Things have moved on' }, field: 'body.stage' },
        { body: { stage: 2, reason: '' }, field: 'body.reason' },
      ],
    },
    'POST /api/families/:id/workers': {
      as: 'practitioner',
      cases: [
        {
          body: { leadId: '00000000-0000-4000-8000-000000000000', coWorkerIds: [], reason: 'Going on leave' },
          field: 'body.coWorkerIds',
        },
        {
          body: {
            leadId: '00000000-0000-4000-8000-000000000000',
            coWorkerIds: ['00000000-0000-4000-8000-000000000001'],
            reason: '',
          },
          field: 'body.reason',
        },
      ],
    },
    'POST /api/teams/:id/decisions': { as: 'practitioner', cases: [{ body: { summary: '' }, field: 'body.summary' }] },
    'PUT /api/teams/:id/members/:personId/cap': {
      as: 'practitioner',
      cases: [
        { body: { cap: 0, reason: 'Part-time this term' }, field: 'body.cap' },
        { body: { cap: 12 }, field: 'body.reason' },
      ],
    },
    'PUT /api/teams/:id/rota/:day': {
      as: 'practitioner',
      cases: [
        { body: { personId: 'x' }, field: 'body.personId' },
        { body: { personId: '00000000-0000-4000-8000-000000000000' }, field: 'body.personId' },
      ],
    },
  },
  validBody: {
    'POST /api/teams/:id/offers/:offerId/claim': () => ({}),
    'POST /api/families/:id/conversation': () => ({ stage: 2, reason: 'Across councils must not work.' }),
    'POST /api/families/:id/workers': (ids) => ({
      leadId: ids.id_person,
      coWorkerIds: [ids.id_person],
      reason: 'Across councils must not work.',
    }),
    'POST /api/teams/:id/decisions': () => ({ summary: 'Across councils must not work.' }),
    'PUT /api/teams/:id/members/:personId/cap': () => ({ cap: 20, reason: 'Across councils must not work.' }),
    'PUT /api/teams/:id/rota/:day': (ids) => ({ personId: ids.id_person }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/teams/:id/board': (ids) => ({ as: 'practitioner', path: `/api/teams/${ids.team}/board` }),
    'GET /api/teams/:id/decisions': (ids) => ({ as: 'practitioner', path: `/api/teams/${ids.team}/decisions` }),
  },
}
export default cases
