import type { RouteCases } from '@hearth/test-kit/route-cases'

const sar = {
  reference: 'F-00001',
  requesterKind: 'adult',
  requesterId: '00000000-0000-4000-8000-000000000000',
  receivedOn: '2026-11-02',
}

/** records: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/record-exports': { as: 'practitioner', cases: [] },
    'POST /api/subject-access-requests': {
      as: 'information_governance',
      cases: [
        { body: { ...sar, reference: 'the Smiths' }, field: 'body.reference' },
        { body: { ...sar, requesterKind: 'neighbour' }, field: 'body.requesterKind' },
        { body: { ...sar, requesterId: 'someone' }, field: 'body.requesterId' },
        { body: { ...sar, receivedOn: '2/11/2026' }, field: 'body.receivedOn' },
      ],
    },
    'PUT /api/sar-redactions/:id': {
      as: 'information_governance',
      cases: [
        { body: { decision: 'maybe' }, field: 'body.decision' },
        { body: { decision: 'release' }, field: 'body.why' },
        { body: { decision: 'release', why: 'x'.repeat(1001) }, field: 'body.why' },
      ],
    },
    'POST /api/subject-access-requests/:id/redactions/decide': {
      as: 'information_governance',
      cases: [
        { body: { passage: 'Ann', reason: 'gossip', decision: 'withhold' }, field: 'body.reason' },
        { body: { passage: 'Ann', reason: 'third_party_name', decision: 'release' }, field: 'body.why' },
        { body: { passage: '', reason: 'third_party_name', decision: 'withhold' }, field: 'body.passage' },
      ],
    },
    'POST /api/subject-access-requests/:id/produce': { as: 'information_governance', cases: [] },
    'POST /api/subject-access-requests/:id/retry': { as: 'information_governance', cases: [] },
    'POST /api/subject-access-requests/:id/sent': {
      as: 'information_governance',
      cases: [{ body: { sentOn: 'yesterday' }, field: 'body.sentOn' }],
    },
  },
  validBody: {
    'PUT /api/sar-redactions/:id': () => ({ decision: 'withhold' }),
    'POST /api/subject-access-requests/:id/redactions/decide': () => ({
      passage: null,
      reason: 'other_agency',
      decision: 'withhold',
    }),
    'POST /api/subject-access-requests/:id/sent': () => ({ sentOn: '2026-11-02' }),
    'POST /api/subject-access-requests': () => sar,
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/record-exports/:id': (ids) => ({ as: 'practitioner', path: `/api/record-exports/${ids.recordExport}` }),
    'GET /api/record-exports/:id/:file': (ids) => ({
      as: 'practitioner',
      path: `/api/record-exports/${ids.recordExport}/pdf`,
    }),
    'GET /api/subject-access/family': (ids) => ({
      as: 'information_governance',
      path: `/api/subject-access/family?reference=${ids.familyRef}`,
    }),
    'GET /api/subject-access/people': () => ({
      as: 'information_governance',
      path: '/api/subject-access/people?name=Ava',
    }),
    'GET /api/subject-access-requests': () => ({ as: 'information_governance', path: '/api/subject-access-requests' }),
    'GET /api/subject-access-requests/:id': (ids) => ({
      as: 'information_governance',
      path: `/api/subject-access-requests/${ids.sar}`,
    }),
    'GET /api/subject-access-requests/:id/redactions': (ids) => ({
      as: 'information_governance',
      path: `/api/subject-access-requests/${ids.sar}/redactions`,
    }),
    'GET /api/subject-access-requests/:id/preview': (ids) => ({
      as: 'information_governance',
      path: `/api/subject-access-requests/${ids.sar}/preview`,
    }),
  },
}
export default cases
