import type { RouteCases } from '@hearth/test-kit/route-cases'

/** A referral that would be accepted; each bad case breaks one thing in it. */
function goodReferral() {
  return {
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    source: '2A',
    referrerName: 'A teacher (invented)',
    worries: 'The child said they were scared to go home.',
    family: { name: 'Testwood family', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NM1 4AB' },
    children: [{ firstName: 'Ash', lastName: 'Testwood', dateOfBirth: '2017-03-03', sex: 'M' }],
  }
}

/** referrals: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/referrals': {
      as: 'referral_officer',
      cases: [
        { body: { ...goodReferral(), children: [] }, field: 'body.children' },
        { body: { ...goodReferral(), source: '11Z' }, field: 'body.source' },
        {
          body: {
            ...goodReferral(),
            family: { name: 'Fam', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NOT A POSTCODE' },
          },
          field: 'body.family.postcode',
        },
        { body: { ...goodReferral(), worries: '' }, field: 'body.worries' },
        { body: { ...goodReferral(), referrerName: null }, field: 'body.referrerName' },
        { body: { ...goodReferral(), receivedAt: '2099-01-01T09:00:00Z' }, field: 'body.receivedAt' },
        { body: { ...goodReferral(), receivedAt: 'yesterday' }, field: 'body.receivedAt' },
        {
          body: { ...goodReferral(), children: [{ existingChildId: '00000000-0000-4000-8000-000000000000' }] },
          field: 'body.children.0.existingChildId',
        },
        {
          body: { ...goodReferral(), family: { existingFamilyId: '00000000-0000-4000-8000-000000000000' } },
          field: 'body.family.existingFamilyId',
        },
      ],
    },
    'POST /api/referrals/:id/decision': {
      as: 'referral_officer',
      cases: [
        { body: { decision: 'assessment', reasons: 'The child needs an assessment.' }, field: 'body.primaryNeedCode' },
        { body: { decision: 'assessment' }, field: 'body.reasons' },
        { body: { decision: 'nfa', reasons: 'short' }, field: 'body.reasons' },
        { body: { decision: 'ignore', reasons: 'Not a real decision at all.' }, field: 'body.decision' },
        {
          body: { decision: 'assessment', reasons: 'The child needs an assessment.', primaryNeedCode: 'N11' },
          field: 'body.primaryNeedCode',
        },
      ],
    },
    'POST /api/referrals/:id/route': {
      as: 'referral_officer',
      cases: [
        { body: {}, field: 'body.teamId' },
        { body: { teamId: '00000000-0000-4000-8000-000000000000' }, field: 'body.teamId' },
      ],
    },
  },
  validBody: {
    'POST /api/referrals/:id/decision': () => ({ decision: 'nfa', reasons: 'Deciding across councils must not work.' }),
    'POST /api/referrals/:id/route': (ids) => ({ teamId: ids.id_ffteam }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/teams/:id/offers': (ids) => ({ as: 'practitioner', path: `/api/teams/${ids.team}/offers` }),
    'GET /api/referrals/:id': (ids) => ({ as: 'referral_officer', path: `/api/referrals/${ids.referral}` }),
    'GET /api/referrals/matches': () => ({
      as: 'referral_officer',
      path: '/api/referrals/matches?firstName=Ava&lastName=Testfamily&dateOfBirth=2019-01-01',
    }),
    'GET /api/referrals': () => ({ as: 'referral_officer', path: '/api/referrals' }),
  },
}
export default cases
