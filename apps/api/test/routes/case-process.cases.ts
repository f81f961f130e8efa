import type { RouteCases } from '@hearth/test-kit/route-cases'

const CHILD = '00000000-0000-4000-8000-000000000004'
const episode = { kind: 'episode', on: '2026-11-02', details: { referralSource: '6', primaryNeed: 'N1' } }

/** case-process: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/steps': {
      as: 'practitioner',
      cases: [
        { body: episode, field: 'body.childId' },
        { body: { ...episode, childId: CHILD, kind: 'tea_party' }, field: 'body.kind' },
        { body: { ...episode, childId: CHILD, on: '2026-02-30' }, field: 'body.on' },
        {
          body: { ...episode, childId: CHILD, details: { referralSource: 'ZZ' } },
          field: 'body.details.referralSource',
        },
        {
          body: {
            childId: CHILD,
            kind: 'strategy_discussion',
            on: '2026-11-02',
            details: { agencies: [], decision: 's47' },
          },
          field: 'body.details.agencies',
        },
        {
          body: { childId: CHILD, kind: 'health_assessment', on: '2026-11-02', details: {} },
          field: 'body.details.type',
        },
        {
          body: { childId: CHILD, kind: 'missing_episode', on: '2026-11-02', details: { kind: 'lost' } },
          field: 'body.details.kind',
        },
        {
          body: {
            childId: CHILD,
            kind: 'missing_episode',
            on: '2026-11-02',
            details: { kind: 'away', returnInterviewOn: '2026-13-01' },
          },
          field: 'body.details.returnInterviewOn',
        },
      ],
    },
    'PUT /api/steps/:id': {
      as: 'practitioner',
      cases: [
        { body: { ...episode, reason: 'typo' }, field: 'body.version' },
        { body: { ...episode, version: 1 }, field: 'body.reason' },
        { body: { ...episode, version: 1, reason: 'typo', endOn: '31/12/2026' }, field: 'body.endOn' },
      ],
    },
    'POST /api/steps/:id/letter-before-proceedings': { as: 'practitioner', cases: [] },
    'PUT /api/council/clocks/:clock': {
      as: 'administrator',
      cases: [
        { body: { reason: 'weekly' }, field: 'body.length' },
        { body: { length: 0, reason: 'weekly' }, field: 'body.length' },
        { body: { length: 5 }, field: 'body.reason' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/steps': () => ({ ...episode, childId: CHILD }),
    'PUT /api/steps/:id': () => ({ ...episode, version: 1, reason: 'typo' }),
    'PUT /api/council/clocks/:clock': () => ({ length: 5, reason: 'Weekly visits agreed' }),
    'POST /api/steps/:id/letter-before-proceedings': () => ({}),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/steps/:id': (ids) => ({ as: 'practitioner', path: `/api/steps/${ids.step}` }),
    'GET /api/children/:id/in-care': (ids) => ({ as: 'practitioner', path: `/api/children/${ids.child}/in-care` }),
    'GET /api/me/clocks': () => ({ as: 'practitioner', path: '/api/me/clocks' }),
    'GET /api/teams/:id/clocks': (ids) => ({ as: 'practitioner', path: `/api/teams/${ids.team}/clocks` }),
    'GET /api/teams/:id/children-in-care': (ids) => ({
      as: 'practitioner',
      path: `/api/teams/${ids.team}/children-in-care`,
    }),
  },
}
export default cases
