import type { RouteCases } from '@hearth/test-kit/route-cases'

/** visits: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/visits': {
      as: 'practitioner',
      cases: [
        { body: { kind: 'party', startsAt: '2026-12-01T10:00:00Z', place: 'Home' }, field: 'body.kind' },
        { body: { kind: 'home_visit', startsAt: 'tomorrow', place: 'Home' }, field: 'body.startsAt' },
        { body: { kind: 'home_visit', startsAt: '2026-12-01T10:00:00Z', place: '' }, field: 'body.place' },
        {
          body: {
            kind: 'home_visit',
            startsAt: '2026-12-01T10:00:00Z',
            place: 'Home',
            attendeeIds: ['00000000-0000-4000-8000-000000000000'],
          },
          field: 'body.attendeeIds.0',
        },
      ],
    },
    'PATCH /api/visits/:id': {
      as: 'practitioner',
      cases: [
        { body: { reason: 'Family asked' }, field: 'body.startsAt' },
        { body: { place: 'Office' }, field: 'body.reason' },
      ],
    },
    'POST /api/visits/:id/cancel': { as: 'practitioner', cases: [{ body: { reason: '' }, field: 'body.reason' }] },
  },
  validBody: {
    'POST /api/families/:id/visits': () => ({
      kind: 'home_visit',
      startsAt: '2031-01-02T10:00:00Z',
      place: 'Across councils',
    }),
    'PATCH /api/visits/:id': () => ({ place: 'Across councils', reason: 'Across councils must not work.' }),
    'POST /api/visits/:id/cancel': () => ({ reason: 'Across councils must not work.' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/me/visits-to-record': () => ({ as: 'practitioner', path: '/api/me/visits-to-record' }),
    'GET /api/me/day': () => ({ as: 'practitioner', path: '/api/me/day' }),
  },
}
export default cases
