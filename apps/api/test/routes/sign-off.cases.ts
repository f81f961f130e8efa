import type { RouteCases } from '@hearth/test-kit/route-cases'

/** sign-off: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/spend-thresholds': {
      as: 'administrator',
      cases: [
        {
          body: { signOffPence: -1, secondApproverPence: 10, decisionWorkingDays: 5, reason: 'Because' },
          field: 'body.signOffPence',
        },
        {
          body: { signOffPence: 500000, secondApproverPence: 100, decisionWorkingDays: 5, reason: 'Because' },
          field: 'body.secondApproverPence',
        },
        { body: { signOffPence: 5, secondApproverPence: 10, decisionWorkingDays: 5 }, field: 'body.reason' },
      ],
    },
    'POST /api/families/:id/proposals': {
      as: 'practitioner',
      cases: [
        {
          body: {
            what: 'x',
            forWhom: 'y',
            why: 'z',
            weeklyPence: 0,
            weeks: 1,
            alternatives: 'a',
            familyView: 'b',
          },
          field: 'body.weeklyPence',
        },
        {
          body: {
            what: 'x',
            forWhom: 'y',
            why: 'z',
            weeklyPence: 100,
            weeks: 1,
            alternatives: 'a',
          },
          field: 'body.familyView',
        },
      ],
    },
    'POST /api/proposals/:id/decision': { as: 'administrator', cases: [] },
    'POST /api/proposals/:id/resubmit': { as: 'practitioner', cases: [{ body: { why: '' }, field: 'body.why' }] },
  },
  validBody: {
    'POST /api/families/:id/proposals': () => ({
      what: 'x',
      forWhom: 'y',
      why: 'z',
      weeklyPence: 100,
      weeks: 1,
      alternatives: 'a',
      familyView: 'b',
    }),
    'POST /api/proposals/:id/decision': () => ({
      outcome: 'approve',
      reasonsForTeam: 'Across councils must not work.',
    }),
    'POST /api/proposals/:id/resubmit': () => ({ why: 'Across councils must not work.' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/proposals/:id': (ids) => ({ as: 'strategy_member', path: `/api/proposals/${ids.proposal}` }),
    'GET /api/proposals': () => ({ as: 'strategy_member', path: '/api/proposals?view=awaiting' }),
  },
}
export default cases
