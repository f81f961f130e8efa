import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { TeamBoardPage } from './TeamBoardPage'
import { TeamDecisionsPage } from './TeamDecisionsPage'

export const feature: Feature = {
  routes: [
    { path: '/teams/:id/board', roles: ['practitioner'], page: () => <TeamBoardPage /> },
    { path: '/teams/:id/decisions', roles: ['practitioner'], page: () => <TeamDecisionsPage /> },
  ],
  nav: (me) => {
    const board = me.teams.find((t) => t.kind === 'family_facing')
    return hasRole(me, 'practitioner') && board
      ? [{ to: `/teams/${board.id}/board`, label: 'Team board', order: 10 }]
      : []
  },
}
