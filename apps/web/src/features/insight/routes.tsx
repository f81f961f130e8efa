import { childrenOf, type Feature } from '../../feature'
import { AskInsight, Chronology } from './Insight'
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
  familyPanels: [
    { id: 'ask-insight', order: 90, roles: ['practitioner'], panel: (f) => <AskInsight familyId={f.id} /> },
    // the family's story comes last, after everything that adds to it
    {
      id: 'chronology',
      order: 200,
      roles: ['practitioner'],
      panel: (f) => <Chronology familyId={f.id} kids={childrenOf(f)} />,
    },
  ],
}
