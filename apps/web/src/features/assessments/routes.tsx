import { childrenOf, type Feature } from '../../feature'
import { FamilyAssessments } from './Assessments'

export const feature: Feature = {
  routes: [],
  familyPanels: [
    {
      id: 'assessments',
      order: 50,
      roles: ['practitioner'],
      panel: (f) => <FamilyAssessments familyId={f.id} kids={childrenOf(f)} />,
    },
  ],
}
