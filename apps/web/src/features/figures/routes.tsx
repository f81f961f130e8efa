import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { CouncilPage, CouncilTeamPage } from './CouncilPage'
import { FiguresPage } from './FiguresPage'

const READERS = ['strategy_member', 'insight_adviser'] as const

export const feature: Feature = {
  routes: [
    { path: '/council', roles: READERS, page: () => <CouncilPage /> },
    { path: '/figures', roles: READERS, page: () => <FiguresPage /> },
    { path: '/council/teams/:id', roles: READERS, page: () => <CouncilTeamPage /> },
  ],
  nav: (me) =>
    hasRole(me, ...READERS)
      ? [
          { to: '/council', label: 'Council view', order: 60 },
          { to: '/figures', label: 'Team figures', order: 61 },
        ]
      : [],
}
