import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { CommissioningPage } from './CommissioningQueue'
import { InsightPage, InsightRequestPage } from './InsightPage'
import { InsightSettingsPage } from './InsightSettingsPage'

export const feature: Feature = {
  routes: [
    { path: '/insight', roles: ['insight_adviser'], page: () => <InsightPage /> },
    { path: '/insight/commissioning', roles: ['insight_adviser'], page: () => <CommissioningPage /> },
    { path: '/insight/requests/:id', roles: ['insight_adviser', 'practitioner'], page: () => <InsightRequestPage /> },
    { path: '/admin/insight-settings', roles: ['administrator'], page: () => <InsightSettingsPage /> },
  ],
  nav: (me) => [
    ...(hasRole(me, 'insight_adviser')
      ? [
          { to: '/insight', label: 'Consultations', order: 50 },
          { to: '/insight/commissioning', label: 'Commissioning', order: 51 },
        ]
      : []),
    ...(hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/insight-settings',
            label: 'Insight waiting time',
            order: 96,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : []),
  ],
}
