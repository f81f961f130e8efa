import type { RouteCases } from '@hearth/test-kit/route-cases'

/** insight: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/insight/settings': {
      as: 'administrator',
      cases: [
        { body: { waitWorkingDays: 0 }, field: 'body.waitWorkingDays' },
        { body: {}, field: 'body.waitWorkingDays' },
      ],
    },
    'POST /api/insight/requests': {
      as: 'practitioner',
      cases: [
        { body: { kind: 'advice', topic: 'domestic_abuse', question: 'Help' }, field: 'body.kind' },
        { body: { kind: 'consultation', topic: 'domestic_abuse', question: ' ' }, field: 'body.question' },
        {
          body: { kind: 'coaching', topic: 'domestic_abuse', question: 'Help with this family please' },
          field: 'body.topic',
        },
        {
          body: { kind: 'consultation', topic: 'domestic_abuse', familyId: 'not-an-id', question: 'Help' },
          field: 'body.familyId',
        },
      ],
    },
    'POST /api/insight/requests/:id/take': { as: 'insight_adviser', cases: [] },
    'POST /api/insight/requests/:id/hand-back': { as: 'insight_adviser', cases: [] },
    'POST /api/insight/requests/:id/booking': {
      as: 'insight_adviser',
      cases: [
        { body: { sessionAt: 'next Tuesday', sessionMinutes: 60, attendees: 'Team' }, field: 'body.sessionAt' },
        {
          body: { sessionAt: '2031-01-02T10:00:00Z', sessionMinutes: 5, attendees: 'Team' },
          field: 'body.sessionMinutes',
        },
        { body: { sessionAt: '2031-01-02T10:00:00Z', sessionMinutes: 60 }, field: 'body.attendees' },
      ],
    },
    'POST /api/insight/requests/:id/advice': {
      as: 'insight_adviser',
      cases: [{ body: { advice: 'Be careful.' }, field: 'body.advice' }],
    },
    'POST /api/families/:id/commissions': {
      as: 'practitioner',
      cases: [
        { body: { need: '', why: 'w', familyView: 'f', weeks: 4, budgetPence: 100 }, field: 'body.need' },
        { body: { need: 'n', why: 'w', familyView: 'f', weeks: 0, budgetPence: 100 }, field: 'body.weeks' },
        { body: { need: 'n', why: 'w', familyView: 'f', weeks: 4, budgetPence: 0 }, field: 'body.budgetPence' },
        { body: { need: 'n', why: 'w', weeks: 4, budgetPence: 100 }, field: 'body.familyView' },
      ],
    },
    'POST /api/commissions/:id/take': { as: 'insight_adviser', cases: [] },
    'POST /api/commissions/:id/withdraw': { as: 'practitioner', cases: [] },
    'POST /api/insight/requests/:id/withdraw': { as: 'practitioner', cases: [] },
    'POST /api/commissions/:id/hand-back': { as: 'insight_adviser', cases: [] },
    'POST /api/commissions/:id/record': {
      as: 'insight_adviser',
      cases: [
        {
          body: { providerName: 'P', weeklyPence: 100, startDate: '2027-02-01', endDate: '2027-01-01' },
          field: 'body.endDate',
        },
        {
          body: { providerName: 'P', weeklyPence: 0, startDate: '2027-01-01', endDate: '2027-02-01' },
          field: 'body.weeklyPence',
        },
        { body: { weeklyPence: 100, startDate: '2027-01-01', endDate: '2027-02-01' }, field: 'body.providerName' },
        {
          body: { providerName: 'P', weeklyPence: 100, startDate: 'soon', endDate: '2027-02-01' },
          field: 'body.startDate',
        },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/commissions': () => ({
      need: 'Across councils',
      why: 'Must not work.',
      familyView: 'No',
      weeks: 4,
      budgetPence: 100,
    }),
    'POST /api/commissions/:id/record': () => ({
      providerName: 'Across councils',
      weeklyPence: 100,
      startDate: '2027-01-04',
      endDate: '2027-01-31',
    }),
    'POST /api/insight/requests/:id/booking': () => ({
      sessionAt: '2031-01-02T10:00:00Z',
      sessionMinutes: 60,
      attendees: 'Across councils',
    }),
    'POST /api/insight/requests/:id/advice': () => ({ advice: 'Advice across councils must never be written.' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/commissions/:id': (ids) => ({ as: 'insight_adviser', path: `/api/commissions/${ids.commission}` }),
    'GET /api/commissions': () => ({ as: 'insight_adviser', path: '/api/commissions' }),
    'GET /api/insight/requests/:id': (ids) => ({ as: 'insight_adviser', path: `/api/insight/requests/${ids.insight}` }),
    'GET /api/insight/requests': () => ({ as: 'insight_adviser', path: '/api/insight/requests' }),
  },
}
export default cases
