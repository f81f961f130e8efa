import type { Feature } from '../../feature'
import { FamilyServices } from './FamilyServices'
import { hasRole } from '../../session'
import { DirectoryPage } from './DirectoryPage'

export const feature: Feature = {
  routes: [{ path: '/directory', page: () => <DirectoryPage /> }],
  // administrators who do nothing else have no use for the services list in their menu
  nav: (me) =>
    !hasRole(me, 'administrator') || me.roles.length > 1 ? [{ to: '/directory', label: 'Services', order: 80 }] : [],
  familyPanels: [
    { id: 'services', order: 85, roles: ['practitioner'], panel: (f) => <FamilyServices familyId={f.id} /> },
  ],
}
