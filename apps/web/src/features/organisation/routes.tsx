import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { NewPersonPage } from './NewPersonPage'
import { PatchesPage } from './PatchesPage'
import { PeoplePage } from './PeoplePage'
import { PersonPage } from './PersonPage'
import { TeamPage } from './TeamPage'
import { TeamsPage } from './TeamsPage'

const ADMIN = ['administrator'] as const

export const feature: Feature = {
  routes: [
    { path: '/admin/people', roles: ADMIN, page: () => <PeoplePage /> },
    { path: '/admin/people/new', roles: ADMIN, page: () => <NewPersonPage /> },
    { path: '/admin/people/:id', roles: ADMIN, page: () => <PersonPage /> },
    { path: '/admin/teams', roles: ADMIN, page: () => <TeamsPage /> },
    { path: '/admin/teams/:id', roles: ADMIN, page: () => <TeamPage /> },
    { path: '/admin/patches', roles: ADMIN, page: () => <PatchesPage /> },
  ],
  nav: (me) =>
    hasRole(me, ...ADMIN)
      ? [
          { to: '/admin/people', label: 'People', order: 90, group: 'People and roles' as const },
          { to: '/admin/teams', label: 'Teams', order: 91, group: 'Teams and patches' as const },
          { to: '/admin/patches', label: 'Patches', order: 92, group: 'Teams and patches' as const },
        ]
      : [],
}
