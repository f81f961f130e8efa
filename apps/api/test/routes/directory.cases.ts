import type { RouteCases } from '@hearth/test-kit/route-cases'

/** directory: bad input for each write route, and a body valid in the caller's own council. */
const cases: RouteCases = {
  bad: {
    'POST /api/directory/services': {
      as: 'insight_adviser',
      cases: [
        { body: { name: '', description: 'd', organisationName: 'o', cost: 'Free' }, field: 'body.name' },
        { body: { name: 'n', description: 'd', organisationName: 'o', cost: 'Cheap' }, field: 'body.cost' },
        {
          body: { name: 'n', description: 'd', organisationName: 'o', cost: 'Free', minimumAge: 12, maximumAge: 8 },
          field: 'body.maximumAge',
        },
        {
          body: { name: 'n', description: 'd', organisationName: 'o', cost: 'Free', needs: ['astrology'] },
          field: 'body.needs',
        },
      ],
    },
    'POST /api/directory/import': {
      as: 'insight_adviser',
      cases: [
        { body: {}, field: 'body.content' },
        { body: { content: '{"content": [{"id": "x"}]}' }, field: 'content[0].name' },
        { body: { content: '{"content": [' }, field: '(file)' },
      ],
    },
    'POST /api/families/:id/services': {
      as: 'practitioner',
      cases: [
        { body: { serviceId: 'x', status: 'referred', onDate: '2026-01-01' }, field: 'body.serviceId' },
        {
          body: { serviceId: '00000000-0000-4000-8000-000000000001', status: 'maybe', onDate: '2026-01-01' },
          field: 'body.status',
        },
        {
          body: { serviceId: '00000000-0000-4000-8000-000000000001', status: 'referred', onDate: 'March' },
          field: 'body.onDate',
        },
      ],
    },
  },
  validBody: {
    'POST /api/families/:id/services': (ids) => ({
      serviceId: ids.id_service,
      status: 'referred',
      onDate: '2026-11-02',
    }),
  },
}
export default cases
