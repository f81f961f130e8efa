import type { RouteCases } from '@hearth/test-kit/route-cases'

/** contact with the family: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/contact-holds': {
      as: 'practitioner',
      cases: [
        { body: {}, field: 'body.note' },
        { body: { note: '   ' }, field: 'body.note' },
      ],
    },
    'POST /api/families/:id/contact-holds/:holdId/end': {
      as: 'practitioner',
      cases: [{ body: { reason: '' }, field: 'body.reason' }],
    },
    'POST /api/tasks/:id/held-decision': {
      as: 'practitioner',
      cases: [
        { body: { reason: 'Mum now knows about the referral.' }, field: 'body.send' },
        { body: { send: 'yes', reason: 'Mum knows.' }, field: 'body.send' },
        { body: { send: true }, field: 'body.reason' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/contact-holds': () => ({ note: 'Across councils must not work.' }),
    'POST /api/families/:id/contact-holds/:holdId/end': () => ({ reason: 'Across councils must not work.' }),
    'POST /api/tasks/:id/held-decision': () => ({ send: true, reason: 'Across councils must not work.' }),
  },
}
export default cases
