import type { RouteCases } from '@hearth/test-kit/route-cases'

/** auth: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/auth/sign-in': {
      as: 'administrator',
      cases: [
        { body: { email: 'x', password: 'y' }, field: 'body.email' },
        { body: { email: 'a@b.example' }, field: 'body.password' },
      ],
    },
    'POST /api/auth/sign-out': { as: 'administrator', cases: [] },
  },
  validBody: {},
}
export default cases
