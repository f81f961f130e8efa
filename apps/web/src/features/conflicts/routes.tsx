import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { AdminConflictsPage, ConflictsPage } from './ConflictsPage'

export const feature: Feature = {
  routes: [
    { path: '/me/conflicts', page: () => <ConflictsPage /> },
    { path: '/admin/conflicts', roles: ['administrator'], page: () => <AdminConflictsPage /> },
  ],
  nav: (me) => [
    { to: '/me/conflicts', label: 'Families I know', order: 98 },
    ...(hasRole(me, 'administrator')
      ? [{ to: '/admin/conflicts', label: 'Conflicts of interest', order: 94.9, group: 'People and roles' as const }]
      : []),
  ],
}
