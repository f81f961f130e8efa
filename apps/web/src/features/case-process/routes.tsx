import { childrenOf, type Feature } from '../../feature'
import { FamilyCaseProcess } from './CaseProcess'
import { hasRole } from '../../session'
import { ClockSettingsPage } from './ClockSettingsPage'
import { InCarePage } from './InCarePage'
import { TeamInCarePage } from './TeamInCarePage'

export const feature: Feature = {
  routes: [
    { path: '/admin/timescales', roles: ['administrator'], page: () => <ClockSettingsPage /> },
    { path: '/children/:id/in-care', roles: ['practitioner'], page: () => <InCarePage /> },
    { path: '/teams/:id/in-care', roles: ['practitioner'], page: () => <TeamInCarePage /> },
  ],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/timescales',
            label: 'Timescales',
            order: 94.6,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : [],
  familyPanels: [
    {
      id: 'case-process',
      order: 60,
      roles: ['practitioner'],
      panel: (f) => <FamilyCaseProcess familyId={f.id} kids={childrenOf(f)} />,
    },
  ],
}
