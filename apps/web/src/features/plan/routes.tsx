import type { Feature } from '../../feature'
import { FamilyPlan } from './FamilyPlan'
import { PlanPage } from './PlanPage'

export const feature: Feature = {
  routes: [{ path: '/families/:id/plan', roles: ['practitioner'], page: () => <PlanPage /> }],
  familyPanels: [{ id: 'plan', order: 40, roles: ['practitioner'], panel: (f) => <FamilyPlan familyId={f.id} /> }],
}
