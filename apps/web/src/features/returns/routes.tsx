import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { AnnexPage } from './AnnexPage'
import { CensusChildPage } from './CensusChildPage'
import { CensusPage } from './CensusPage'

export const feature: Feature = {
  routes: [
    { path: '/returns/census', roles: ['administrator', 'insight_adviser'], page: () => <CensusPage /> },
    { path: '/returns/annex-a', roles: ['administrator', 'insight_adviser'], page: () => <AnnexPage /> },
    { path: '/returns/children/:id', roles: ['administrator', 'insight_adviser'], page: () => <CensusChildPage /> },
  ],
  nav: (me) =>
    hasRole(me, 'administrator') || hasRole(me, 'insight_adviser')
      ? [
          { to: '/returns/census', label: 'Census return', order: 80 },
          { to: '/returns/annex-a', label: 'Ofsted Annex A', order: 80.5 },
        ]
      : [],
}
