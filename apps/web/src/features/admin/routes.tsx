import type { Feature } from '../../feature'
import { AdminPage } from './AdminPage'

/** The Administration page: the settings other features declare with a `group`, gathered. */
export const feature: Feature = {
  routes: [{ path: '/admin', roles: ['administrator'], page: (me) => <AdminPage me={me} /> }],
}
