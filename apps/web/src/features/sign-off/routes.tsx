import type { Feature } from '../../feature'
import { FamilyProposals } from './Proposals'
import { hasRole } from '../../session'
import { ProposalPage } from './ProposalPage'
import { StrategyPage } from './StrategyPage'
import { ThresholdsPage } from './ThresholdsPage'

export const feature: Feature = {
  routes: [
    { path: '/strategy', roles: ['strategy_member'], page: () => <StrategyPage /> },
    { path: '/proposals/:id', roles: ['strategy_member', 'practitioner'], page: () => <ProposalPage /> },
    { path: '/admin/thresholds', roles: ['administrator'], page: () => <ThresholdsPage /> },
  ],
  nav: (me) => [
    ...(hasRole(me, 'strategy_member') ? [{ to: '/strategy', label: 'Sign-off', order: 40 }] : []),
    ...(hasRole(me, 'administrator')
      ? [{ to: '/admin/thresholds', label: 'Thresholds', order: 95, group: 'Timescales, checks and settings' as const }]
      : []),
  ],
  familyPanels: [
    {
      id: 'proposals',
      order: 80,
      roles: ['practitioner'],
      panel: (f) => <FamilyProposals familyId={f.id} stage={f.conversationStage} />,
    },
  ],
}
