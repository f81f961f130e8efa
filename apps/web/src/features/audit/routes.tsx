import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { AuditPage } from './AuditPage'

export const feature: Feature = {
  routes: [{ path: '/admin/audit', roles: ['administrator'], page: () => <AuditPage /> }],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [{ to: '/admin/audit', label: 'Audit trail', order: 97, group: 'Audit and failed jobs' as const }]
      : [],
}
