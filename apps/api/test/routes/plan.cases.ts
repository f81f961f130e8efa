import type { RouteCases } from '@hearth/test-kit/route-cases'

/** plan: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/plan/items': {
      as: 'practitioner',
      cases: [
        { body: { whoKind: 'network', whoName: 'Nan' }, field: 'body.what' },
        { body: { what: 'x'.repeat(501), whoKind: 'network', whoName: 'Nan' }, field: 'body.what' },
        { body: { what: 'Tea', whoKind: 'the neighbours' }, field: 'body.whoKind' },
        { body: { what: 'Tea', whoKind: 'worker', whoId: 'me' }, field: 'body.whoId' },
        { body: { what: 'Tea', whoKind: 'network', whoName: 'Nan', byDate: '31/01/2027' }, field: 'body.byDate' },
      ],
    },
    'PUT /api/plan-items/:id': {
      as: 'practitioner',
      cases: [
        { body: { what: 'Tea', whoKind: 'network', whoName: 'Nan', reason: 'Why' }, field: 'body.version' },
        { body: { version: 1, what: 'Tea', whoKind: 'network', whoName: 'Nan' }, field: 'body.reason' },
        { body: { version: 0, what: 'Tea', whoKind: 'network', whoName: 'Nan', reason: 'Why' }, field: 'body.version' },
      ],
    },
    'POST /api/plan-items/:id/status': {
      as: 'practitioner',
      cases: [
        { body: { version: 1, status: 'nearly' }, field: 'body.status' },
        { body: { status: 'done' }, field: 'body.version' },
        { body: { version: 1, status: 'done', reason: 'x'.repeat(501) }, field: 'body.reason' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/plan/items': () => ({ what: 'Across councils', whoKind: 'network', whoName: 'Nobody' }),
    'PUT /api/plan-items/:id': () => ({
      version: 1,
      what: 'Across councils',
      whoKind: 'network',
      whoName: 'Nobody',
      reason: 'Across councils must not work.',
    }),
    'POST /api/plan-items/:id/status': () => ({ version: 1, status: 'done' }),
  },
}
export default cases
