import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { SharingExportPage } from './SharingExportPage'

export const feature: Feature = {
  routes: [{ path: '/admin/sharing', roles: ['administrator'], page: () => <SharingExportPage /> }],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/sharing',
            label: 'Information sharing',
            order: 94.8,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : [],
}
