import type { Feature } from '../../feature'
import { PlanPage } from './PlanPage'

export const feature: Feature = {
  routes: [{ path: '/families/:id/plan', roles: ['practitioner'], page: () => <PlanPage /> }],
}
