import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { JobsPage } from './JobsPage'

export const feature: Feature = {
  routes: [{ path: '/admin/jobs', roles: ['administrator'], page: () => <JobsPage /> }],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [{ to: '/admin/jobs', label: 'Failed jobs', order: 98, group: 'Audit and failed jobs' as const }]
      : [],
}
