import type { RouteCases } from '@hearth/test-kit/route-cases'

/** returns: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/returns/census': {
      as: 'administrator',
      cases: [
        { body: {}, field: 'body.collectionYear' },
        { body: { collectionYear: '2027' }, field: 'body.collectionYear' },
        { body: { collectionYear: 1999 }, field: 'body.collectionYear' },
      ],
    },
    'POST /api/returns/annex-a': {
      as: 'administrator',
      cases: [
        { body: { to: '2026-11-01' }, field: 'body.from' },
        { body: { from: '2026-06-01', to: '1 Nov' }, field: 'body.to' },
      ],
    },
    'PATCH /api/returns/children/:id': {
      as: 'administrator',
      cases: [
        { body: { disabilities: ['WINGS'] }, field: 'body.disabilities.0' },
        { body: { disabilities: ['NONE', 'AUT'] }, field: 'body.disabilities' },
        { body: { upnUnknown: 'UN9' }, field: 'body.upnUnknown' },
        { body: { dateOfDeath: '2026-02-30' }, field: 'body.dateOfDeath' },
      ],
    },
    'POST /api/returns/census/:id/queries': {
      as: 'administrator',
      cases: [
        { body: { reason: 'It stands' }, field: 'body.code' },
        { body: { code: '8670', reason: 'It stands' }, field: 'body.code' },
        { body: { code: '8670Q' }, field: 'body.reason' },
      ],
    },
  },
  validBody: {
    'POST /api/returns/census': () => ({ collectionYear: 2027 }),
    'POST /api/returns/census/:id/queries': () => ({ code: '8670Q', reason: 'It stands' }),
    'PATCH /api/returns/children/:id': () => ({ disabilities: ['NONE'] }),
    'POST /api/returns/annex-a': () => ({ from: '2026-06-01', to: '2026-11-01' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/returns/children/:id': (ids) => ({ as: 'administrator', path: `/api/returns/children/${ids.child}` }),
    'GET /api/returns/census/:id': (ids) => ({ as: 'administrator', path: `/api/returns/census/${ids.census}` }),
  },
}
export default cases
