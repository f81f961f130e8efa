import type { RouteCases } from '@hearth/test-kit/route-cases'

/** families: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/families': {
      as: 'referral_officer',
      cases: [
        {
          body: { name: 'Fam', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NOT A POSTCODE' },
          field: 'body.postcode',
        },
        { body: { name: '', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NM1 4AB' }, field: 'body.name' },
        { body: { name: 'Fam', town: 'Northmoor', postcode: 'NM1 4AB' }, field: 'body.addressLine1' },
      ],
    },
    'PUT /api/families/:id/address-confidentiality': {
      as: 'practitioner',
      cases: [
        { body: {}, field: 'body.confidential' },
        { body: { confidential: 'yes' }, field: 'body.confidential' },
        { body: { confidential: true, shownTo: ['me'], reason: 'A refuge' }, field: 'body.shownTo.0' },
      ],
    },
    'PUT /api/families/:id/restriction': {
      as: 'practitioner',
      cases: [
        { body: {}, field: 'body.restricted' },
        { body: { restricted: true, namedPeople: ['x'] }, field: 'body.namedPeople.0' },
      ],
    },
    'POST /api/break-glass': {
      as: 'referral_officer',
      cases: [
        { body: { reference: 'F-00001' }, field: 'body.reason' },
        { body: { reference: 'Smith', reason: 'Urgent' }, field: 'body.reference' },
      ],
    },
    'POST /api/break-glass/:id/review': {
      as: 'information_governance',
      cases: [
        { body: { outcome: 'fine' }, field: 'body.outcome' },
        { body: { outcome: 'concern' }, field: 'body.note' },
      ],
    },
    'PATCH /api/families/:id': {
      as: 'referral_officer',
      cases: [
        { body: { postcode: '1234' }, field: 'body.postcode' },
        { body: { interpreterNeeded: 'yes' }, field: 'body.interpreterNeeded' },
      ],
    },
    'POST /api/families/:id/children': {
      as: 'referral_officer',
      cases: [
        { body: { lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F' }, field: 'body.firstName' },
        {
          body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-02-30', sex: 'F' },
          field: 'body.dateOfBirth',
        },
        { body: { firstName: 'A', lastName: 'Testwood', sex: 'F' }, field: 'body.dateOfBirth' },
        {
          body: {
            firstName: 'A',
            lastName: 'Testwood',
            dateOfBirth: '2020-01-01',
            expectedDateOfBirth: '2027-01-01',
            sex: 'U',
          },
          field: 'body.expectedDateOfBirth',
        },
        {
          body: { firstName: 'A', lastName: 'Testwood', expectedDateOfBirth: '2027-01-01', sex: 'F' },
          field: 'body.sex',
        },
        {
          body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', nhsNumber: '9434765918' },
          field: 'body.nhsNumber',
        },
        {
          body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', upn: 'A99912345678X' },
          field: 'body.upn',
        },
        // the check letter is right, but 999 is no local authority's code (census rule 1530)
        {
          body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', upn: 'U999123456789' },
          field: 'body.upn',
        },
        {
          body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', ethnicity: 'XXXX' },
          field: 'body.ethnicity',
        },
        { body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'Q' }, field: 'body.sex' },
      ],
    },
    'POST /api/families/:id/adults': {
      as: 'referral_officer',
      cases: [
        { body: { name: '' }, field: 'body.name' },
        { body: { name: 'A', phone: 'x'.repeat(41) }, field: 'body.phone' },
      ],
    },
    'POST /api/families/:id/relationships': {
      as: 'referral_officer',
      cases: [
        { body: { adultId: 'x', childId: 'y', kind: 'parent' }, field: 'body.adultId' },
        {
          body: {
            adultId: '00000000-0000-4000-8000-000000000000',
            childId: '00000000-0000-4000-8000-000000000000',
            kind: 'best_mate',
          },
          field: 'body.kind',
        },
        {
          body: {
            adultId: '00000000-0000-4000-8000-000000000000',
            childId: '00000000-0000-4000-8000-000000000000',
            kind: 'parent',
          },
          field: 'body.adultId',
        },
      ],
    },
    'PATCH /api/children/:id': {
      as: 'referral_officer',
      cases: [
        { body: { nhsNumber: '1234567890' }, field: 'body.nhsNumber' },
        { body: { expectedDateOfBirth: '2027-05-01' }, field: 'body.expectedDateOfBirth' },
        { body: { dateOfBirth: null }, field: 'body.dateOfBirth' },
      ],
    },
  },
  validBody: {
    'POST /api/break-glass/:id/review': () => ({ outcome: 'justified' }),
    'PATCH /api/families/:id': () => ({ name: 'Renamed across councils' }),
    'PUT /api/families/:id/address-confidentiality': () => ({ confidential: true, reason: 'Across councils' }),
    'PUT /api/families/:id/restriction': () => ({ restricted: true, reason: 'Across councils' }),
    'POST /api/families/:id/children': () => ({
      firstName: 'Cross',
      lastName: 'Council',
      dateOfBirth: '2020-01-01',
      sex: 'F',
    }),
    'POST /api/families/:id/adults': () => ({ name: 'Cross Council' }),
    'POST /api/families/:id/relationships': (ids) => ({
      adultId: ids.id_person,
      childId: ids.id_child,
      kind: 'parent',
    }),
    'PATCH /api/children/:id': () => ({ firstName: 'Renamed' }),
  },
  // GETs that read case records: who asks, and where (ids are read-audit.test.ts's fixtures)
  reads: {
    'GET /api/children/:id': (ids) => ({ as: 'practitioner', path: `/api/children/${ids.child}` }),
    'GET /api/families': () => ({ as: 'practitioner', path: '/api/families' }),
    'GET /api/me/break-glass-alerts': () => ({ as: 'practitioner', path: '/api/me/break-glass-alerts' }),
    'GET /api/break-glass': () => ({ as: 'administrator', path: '/api/break-glass' }),
  },
}
export default cases
