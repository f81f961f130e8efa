import type { Feature } from '../../feature'
import { SearchBox } from './SearchBox'
import { SearchPage } from './SearchPage'

export const feature: Feature = {
  routes: [{ path: '/search', page: () => <SearchPage /> }],
  header: () => <SearchBox key="search" />,
}
