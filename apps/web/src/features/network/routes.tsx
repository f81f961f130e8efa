import type { Feature } from '../../feature'
import { NetworkPage } from './NetworkPage'

export const feature: Feature = {
  routes: [{ path: '/families/:id/network', roles: ['practitioner'], page: () => <NetworkPage /> }],
}
