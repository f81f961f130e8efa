import type { RouteCases } from '@hearth/test-kit/route-cases'

/** recording: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/notes': {
      as: 'practitioner',
      cases: [
        { body: { kind: 'seance' }, field: 'body.kind' },
        { body: { directMinutes: -5 }, field: 'body.directMinutes' },
        { body: { directMinutes: 1441 }, field: 'body.directMinutes' },
        { body: { happenedAt: 'last Tuesday' }, field: 'body.happenedAt' },
        { body: { visitId: 'not-an-id' }, field: 'body.visitId' },
      ],
    },
    'PUT /api/notes/:id': {
      as: 'practitioner',
      cases: [
        { body: { appointment: 'sort of' }, field: 'body.appointment' },
        { body: { children: [{ childId: 'x', seen: 'seen' }] }, field: 'body.children.0.childId' },
        { body: { worries: 'x'.repeat(5001) }, field: 'body.worries' },
      ],
    },
    'POST /api/notes/:id/finalise': {
      as: 'practitioner',
      cases: [{ body: { keepSimilar: 'yes' }, field: 'body.keepSimilar' }],
    },
    'POST /api/notes/:id/addenda': {
      as: 'practitioner',
      cases: [
        { body: { reason: '', text: 'More' }, field: 'body.reason' },
        { body: { reason: 'A correction', text: '' }, field: 'body.text' },
      ],
    },
    'DELETE /api/notes/:id': { as: 'practitioner', cases: [] },
    'PUT /api/council/note-check': {
      as: 'administrator',
      cases: [
        { body: { percent: 5 }, field: 'body.percent' },
        { body: { percent: 95 }, field: 'body.percent' },
        { body: { percent: 33.5 }, field: 'body.percent' },
        { body: { percent: '33' }, field: 'body.percent' },
        { body: {}, field: 'body.percent' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/notes': () => ({ worries: 'Across councils must not work.' }),
    'PUT /api/notes/:id': () => ({ worries: 'Across councils must not work.' }),
    'POST /api/notes/:id/addenda': () => ({ reason: 'Across councils', text: 'Across councils must not work.' }),
    'PUT /api/council/note-check': () => ({ percent: 40 }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/notes/:id': (ids) => ({ as: 'practitioner', path: `/api/notes/${ids.note}` }),
    'GET /api/notes/:id/similar': (ids) => ({ as: 'practitioner', path: `/api/notes/${ids.note}/similar` }),
    'GET /api/notes/:id/names-elsewhere': (ids) => ({
      as: 'practitioner',
      path: `/api/notes/${ids.note}/names-elsewhere`,
    }),
  },
}
export default cases
