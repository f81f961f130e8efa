import type { RouteCases } from '@hearth/test-kit/route-cases'

/**
 * family link: bad input for each staff write route, and a body valid in the caller's own
 * council. The family's own routes (access `family_link`) are checked in family-voice.test.ts.
 */
const cases: RouteCases = {
  bad: {
    'POST /api/families/:id/family-links': {
      as: 'practitioner',
      cases: [
        { body: { send: 'letter' }, field: 'body.adultId' },
        { body: { adultId: 'me', send: 'letter' }, field: 'body.adultId' },
        { body: { adultId: '00000000-0000-4000-8000-000000000000', send: 'pigeon' }, field: 'body.send' },
        {
          body: { adultId: '00000000-0000-4000-8000-000000000000', send: 'letter', language: 'fr' },
          field: 'body.language',
        },
        { body: { adultId: '00000000-0000-4000-8000-000000000000', send: 'letter', days: 400 }, field: 'body.days' },
      ],
    },
    'POST /api/family-links/:id/revoke': {
      as: 'practitioner',
      cases: [
        { body: {}, field: 'body.reason' },
        { body: { reason: '  ' }, field: 'body.reason' },
      ],
    },
    'POST /api/family-links/:id/renew': { as: 'practitioner', cases: [{ body: { days: 0 }, field: 'body.days' }] },
    'POST /api/family-links/:id/hold-decision': {
      as: 'practitioner',
      cases: [{ body: { reason: '' }, field: 'body.reason' }],
    },
    'POST /api/family-messages/:id/seen': { as: 'practitioner', cases: [] },
    'POST /api/family-messages/:id/answer': {
      as: 'practitioner',
      cases: [
        { body: {}, field: 'body.answer' },
        { body: { answer: 'x'.repeat(2001) }, field: 'body.answer' },
      ],
    },
    'PUT /api/council/family-voice': {
      as: 'administrator',
      cases: [
        { body: { linkDays: 3, complaintsTeamId: null }, field: 'body.linkDays' },
        { body: { linkDays: 90, complaintsTeamId: 'x' }, field: 'body.complaintsTeamId' },
      ],
    },
    'POST /api/families/:id/family-meetings': {
      as: 'practitioner',
      cases: [
        { body: { kind: 'party', startsAt: '2031-01-02T10:00:00Z', place: 'Hall' }, field: 'body.kind' },
        { body: { kind: 'fgc', place: 'Hall' }, field: 'body.startsAt' },
        {
          body: { kind: 'fgc', startsAt: '2031-01-02T10:00:00Z', place: 'Hall', invitees: [{ name: '' }] },
          field: 'body.invitees.0.name',
        },
      ],
    },
    'POST /api/family-meetings/:id/family-plan': {
      as: 'practitioner',
      cases: [
        { body: {}, field: 'body.familyPlan' },
        { body: { familyPlan: 'Ours', items: [{ what: 'Tea', who: '' }] }, field: 'body.items.0.who' },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/family-links': (ids) => ({ adultId: ids.id_adult ?? ids.id_person, send: 'in_person' }),
    'POST /api/family-links/:id/revoke': () => ({ reason: 'Across councils must not work.' }),
    'POST /api/family-links/:id/renew': () => ({}),
    'POST /api/family-links/:id/hold-decision': () => ({ reason: 'Across councils must not work.' }),
    'POST /api/family-messages/:id/seen': () => ({}),
    'POST /api/family-messages/:id/answer': () => ({ answer: 'Across councils must not work.' }),
    'POST /api/families/:id/family-meetings': () => ({
      kind: 'fgc',
      startsAt: '2031-01-02T10:00:00Z',
      place: 'Across councils',
    }),
    'POST /api/family-meetings/:id/family-plan': () => ({ familyPlan: 'Across councils must not work.' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/teams/:id/family-messages': (ids) => ({
      as: 'practitioner',
      path: `/api/teams/${ids.team}/family-messages`,
    }),
  },
}
export default cases
