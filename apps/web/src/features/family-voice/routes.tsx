import type { Feature } from '../../feature'
import { FamilyVoiceSummary } from './FamilyVoiceSummary'
import { hasRole } from '../../session'
import { FamilyLinkPage } from './FamilyLinkPage'
import { MeetingsPage } from './MeetingsPage'
import { PreviewPage } from './PreviewPage'
import { SettingsPage } from './SettingsPage'

export const feature: Feature = {
  routes: [
    { path: '/families/:id/family-link', roles: ['practitioner'], page: () => <FamilyLinkPage /> },
    { path: '/families/:id/family-link/preview', roles: ['practitioner'], page: () => <PreviewPage /> },
    { path: '/families/:id/family-meetings', roles: ['practitioner'], page: () => <MeetingsPage /> },
    { path: '/admin/family-links', roles: ['administrator'], page: () => <SettingsPage /> },
  ],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/family-links',
            label: 'Family links',
            order: 94.7,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : [],
  familyPanels: [
    { id: 'family-voice', order: 75, roles: ['practitioner'], panel: (f) => <FamilyVoiceSummary familyId={f.id} /> },
  ],
}
