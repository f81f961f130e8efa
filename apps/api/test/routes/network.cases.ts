import type { RouteCases } from '@hearth/test-kit/route-cases'

const PERSON = '00000000-0000-4000-8000-000000000003'

/** network: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/network/people': {
      as: 'practitioner',
      cases: [
        { body: { name: '' }, field: 'body.name' },
        { body: { name: 'Nan', bornYear: 1850 }, field: 'body.bornYear' },
        { body: { name: 'Nan', kind: 'stranger' }, field: 'body.kind' },
        { body: { name: 'Nan', sex: 'X' }, field: 'body.sex' },
      ],
    },
    'PUT /api/families/:id/network/people/:personId': {
      as: 'practitioner',
      cases: [
        { body: { name: 'Nan', version: 1 }, field: 'body.reason' },
        { body: { name: 'Nan', reason: 'Why' }, field: 'body.version' },
      ],
    },
    'POST /api/families/:id/network/people/:personId/remove': {
      as: 'practitioner',
      cases: [{ body: { reason: '' }, field: 'body.reason' }],
    },
    'POST /api/families/:id/network/links': {
      as: 'practitioner',
      cases: [
        { body: { fromId: 'me', toId: PERSON, kind: 'friend_of' }, field: 'body.fromId' },
        { body: { fromId: PERSON, toId: PERSON, kind: 'nemesis_of' }, field: 'body.kind' },
        { body: { fromId: PERSON, toId: PERSON, kind: 'friend_of', contactSafe: 'maybe' }, field: 'body.contactSafe' },
        { body: { fromId: PERSON, toId: PERSON, kind: 'friend_of', since: '2027-13-01' }, field: 'body.since' },
      ],
    },
    'PUT /api/families/:id/network/links/:linkId': {
      as: 'practitioner',
      cases: [
        { body: { kind: 'friend_of', version: 1 }, field: 'body.reason' },
        { body: { kind: 'friend_of', reason: 'Why', version: 1, closeness: 'very' }, field: 'body.closeness' },
      ],
    },
    'POST /api/families/:id/network/links/:linkId/end': {
      as: 'practitioner',
      cases: [
        { body: { reason: '' }, field: 'body.reason' },
        { body: { reason: 'Why', until: 'yesterday' }, field: 'body.until' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/network/people': () => ({ name: 'Across councils' }),
    'PUT /api/families/:id/network/people/:personId': () => ({ name: 'Across', version: 1, reason: 'Across councils' }),
    'POST /api/families/:id/network/people/:personId/remove': () => ({ reason: 'Across councils must not work.' }),
    'POST /api/families/:id/network/links': () => ({ fromId: PERSON, toId: PERSON, kind: 'friend_of' }),
    'PUT /api/families/:id/network/links/:linkId': () => ({ kind: 'friend_of', version: 1, reason: 'Across' }),
    'POST /api/families/:id/network/links/:linkId/end': () => ({ reason: 'Across councils must not work.' }),
  },
}
export default cases
