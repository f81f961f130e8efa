import type { Feature } from '../../feature'
import { HomePage } from './HomePage'

export const feature: Feature = {
  routes: [{ path: '/', page: (me) => <HomePage me={me} /> }],
  nav: () => [{ to: '/', label: 'Home', order: 0 }],
}
