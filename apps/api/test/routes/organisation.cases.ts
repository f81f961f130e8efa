import type { RouteCases } from '@hearth/test-kit/route-cases'

/** organisation: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/patches': {
      as: 'administrator',
      cases: [
        { body: { name: '', postcodeAreas: ['NM7'] }, field: 'body.name' },
        { body: { name: 'Bad area', postcodeAreas: ['not a postcode'] }, field: 'body.postcodeAreas.0' },
        { body: { name: 'No areas', postcodeAreas: [] }, field: 'body.postcodeAreas' },
      ],
    },
    'PATCH /api/patches/:id': {
      as: 'administrator',
      cases: [
        { body: { postcodeAreas: ['??'] }, field: 'body.postcodeAreas.0' },
        { body: { name: '   ' }, field: 'body.name' },
      ],
    },
    'POST /api/teams': {
      as: 'administrator',
      cases: [
        { body: { name: 'A team', kind: 'squad' }, field: 'body.kind' },
        { body: { name: 'Patchless', kind: 'family_facing' }, field: 'body.patchId' },
        { body: { name: 'Capped', kind: 'enabler', caseloadCap: 0 }, field: 'body.caseloadCap' },
      ],
    },
    'PATCH /api/teams/:id': {
      as: 'administrator',
      cases: [
        { body: { caseloadCap: 99 }, field: 'body.caseloadCap' },
        { body: { patchId: 'not-a-uuid' }, field: 'body.patchId' },
        { body: { phone: 'call me maybe' }, field: 'body.phone' },
      ],
    },
    'POST /api/teams/:id/members': {
      as: 'administrator',
      cases: [
        { body: {}, field: 'body.personId' },
        { body: { personId: '00000000-0000-4000-8000-000000000000' }, field: 'body.personId' },
      ],
    },
    'DELETE /api/teams/:id/members/:personId': { as: 'administrator', cases: [] },
    'POST /api/people': {
      as: 'administrator',
      cases: [
        {
          body: { name: 'N', email: 'nope', roles: ['enabler'], password: 'long-enough-password' },
          field: 'body.email',
        },
        {
          body: { name: 'N', email: 'n@northmoor.example', roles: ['wizard'], password: 'long-enough-password' },
          field: 'body.roles.0',
        },
        {
          body: { name: 'N', email: 'n@northmoor.example', roles: [], password: 'long-enough-password' },
          field: 'body.roles',
        },
        {
          body: { name: 'N', email: 'n@northmoor.example', roles: ['enabler'], password: 'short' },
          field: 'body.password',
        },
      ],
    },
    'PATCH /api/people/:id': {
      as: 'administrator',
      cases: [
        { body: { roles: ['administrator', 'administrator'] }, field: 'body.roles' },
        { body: { active: 'no' }, field: 'body.active' },
      ],
    },
    'POST /api/role-grants/:id/decision': {
      as: 'administrator',
      cases: [
        { body: {}, field: 'body.approve' },
        { body: { approve: 'yes' }, field: 'body.approve' },
      ],
    },
  },
  validBody: {
    'PATCH /api/patches/:id': () => ({
      name: 'Renamed across councils',
    }),
    'PATCH /api/teams/:id': () => ({
      name: 'Renamed across councils',
    }),
    'POST /api/teams/:id/members': (ids) => ({
      personId: ids.id_person,
    }),
    'PATCH /api/people/:id': () => ({
      name: 'Renamed across councils',
    }),
    'POST /api/role-grants/:id/decision': () => ({ approve: true }),
  },
}
export default cases
