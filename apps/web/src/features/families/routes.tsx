import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { BreakGlassOpeningsPage } from './BreakGlassOpeningsPage'
import { BreakGlassPage } from './BreakGlassPage'
import { ChildPage } from './ChildPage'
import { FamiliesPage } from './FamiliesPage'
import { FamilyPage } from './FamilyPage'
import { NewFamilyPage } from './NewFamilyPage'

const CASES = ['practitioner', 'referral_officer'] as const

export const feature: Feature = {
  routes: [
    { path: '/families', roles: CASES, page: () => <FamiliesPage /> },
    { path: '/families/new', roles: CASES, page: () => <NewFamilyPage /> },
    { path: '/families/:id', roles: CASES, page: () => <FamilyPage /> },
    { path: '/children/:id', roles: CASES, page: () => <ChildPage /> },
    { path: '/break-glass', roles: ['referral_officer'], page: () => <BreakGlassPage /> },
    {
      path: '/break-glass-openings',
      roles: ['administrator', 'information_governance'],
      page: (me) => <BreakGlassOpeningsPage me={me} />,
    },
  ],
  nav: (me) => [
    ...(hasRole(me, ...CASES) ? [{ to: '/families', label: 'Families', order: 70 }] : []),
    ...(hasRole(me, 'referral_officer') ? [{ to: '/break-glass', label: 'Restricted records', order: 71 }] : []),
    ...(hasRole(me, 'administrator', 'information_governance')
      ? [{ to: '/break-glass-openings', label: 'Break-glass openings', order: 95.6 }]
      : []),
  ],
}
