import type { RouteCases } from '@hearth/test-kit/route-cases'

const good = {
  decision: 'share',
  information: 'Dates of the last two home visits',
  recipientKind: 'health',
  recipient: 'The health visitor',
  reason: 'So the health visitor can check the baby is gaining weight',
  decidedOn: '2026-11-02',
}

/** information sharing: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/children/:id/sharing-decisions': {
      as: 'practitioner',
      cases: [
        { body: { ...good, decision: 'maybe' }, field: 'body.decision' },
        { body: { ...good, information: '' }, field: 'body.information' },
        { body: { ...good, recipientKind: 'press' }, field: 'body.recipientKind' },
        { body: { ...good, recipient: ' ' }, field: 'body.recipient' },
        { body: { ...good, reason: 'x'.repeat(2001) }, field: 'body.reason' },
        { body: { ...good, decidedOn: '02/11/2026' }, field: 'body.decidedOn' },
      ],
    },
  },
  validBody: { 'POST /api/children/:id/sharing-decisions': () => good },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/children/:id/sharing-decisions': (ids) => ({
      as: 'practitioner',
      path: `/api/children/${ids.child}/sharing-decisions`,
    }),
    'GET /api/sharing-decisions.csv': () => ({
      as: 'administrator',
      path: '/api/sharing-decisions.csv?from=2026-01-01&to=2026-12-31',
    }),
  },
}
export default cases
