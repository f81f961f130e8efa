import type { RouteCases } from '@hearth/test-kit/route-cases'

const CHILD = '00000000-0000-4000-8000-000000000004'

/** assessments: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/assessments': {
      as: 'practitioner',
      cases: [
        { body: { startedOn: '2026-11-02' }, field: 'body.childId' },
        { body: { childId: CHILD, startedOn: '2 Nov' }, field: 'body.startedOn' },
        { body: { childId: CHILD, startedOn: '2026-11-02', referralDate: '2026-02-30' }, field: 'body.referralDate' },
      ],
    },
    'POST /api/assessments/:id/finish': {
      as: 'practitioner',
      cases: [
        { body: { authorisedOn: '2026-11-02' }, field: 'body.version' },
        { body: { version: 1, authorisedOn: '2026-11-02', factors: ['99Z'] }, field: 'body.factors.0' },
        { body: { version: 1 }, field: 'body.authorisedOn' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/assessments': () => ({ childId: CHILD, startedOn: '2026-11-02' }),
    'POST /api/assessments/:id/finish': () => ({ version: 1, authorisedOn: '2026-11-02', factors: ['21'] }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/assessments/:id': (ids) => ({ as: 'practitioner', path: `/api/assessments/${ids.assessment}` }),
    'GET /api/me/assessments': () => ({ as: 'practitioner', path: '/api/me/assessments' }),
    'GET /api/teams/:id/assessments': (ids) => ({ as: 'practitioner', path: `/api/teams/${ids.team}/assessments` }),
  },
}
export default cases
