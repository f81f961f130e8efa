import type { Feature } from '../../feature'
import { SearchPage } from './SearchPage'

export const feature: Feature = {
  routes: [{ path: '/search', page: () => <SearchPage /> }],
}
