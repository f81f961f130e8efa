import type { Feature } from '../../feature'
import { FamilyContact } from './FamilyContact'
import { FamilyConversation } from './FamilyConversation'
import { FamilyWork } from './FamilyWork'
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
  familyPanels: [
    {
      id: 'work',
      order: 10,
      roles: ['practitioner'],
      panel: (f) => <FamilyWork familyId={f.id} interpreterNeeded={f.interpreterNeeded} />,
    },
    { id: 'contact', order: 20, roles: ['practitioner'], panel: (f) => <FamilyContact familyId={f.id} /> },
    {
      id: 'conversation',
      order: 30,
      roles: ['practitioner'],
      panel: (f) => <FamilyConversation familyId={f.id} stage={f.conversationStage} />,
    },
  ],
}
