import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { RecordExportPage } from './RecordExportPage'
import { SarListPage } from './SarListPage'
import { SarCopyPage } from './SarCopyPage'
import { SarNewPage } from './SarNewPage'
import { SarPage } from './SarPage'

export const feature: Feature = {
  routes: [
    { path: '/families/:id/export', roles: ['practitioner', 'referral_officer'], page: () => <RecordExportPage /> },
    { path: '/subject-access', roles: ['information_governance'], page: () => <SarListPage /> },
    { path: '/subject-access/new', roles: ['information_governance'], page: () => <SarNewPage /> },
    { path: '/subject-access/:id', roles: ['information_governance'], page: () => <SarPage /> },
    { path: '/subject-access/:id/copy', roles: ['information_governance'], page: () => <SarCopyPage /> },
  ],
  nav: (me) =>
    hasRole(me, 'information_governance')
      ? [{ to: '/subject-access', label: 'Subject access requests', order: 95.5 }]
      : [],
}
