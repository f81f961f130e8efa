import { childrenOf, type Feature } from '../../feature'
import { FamilyNotes } from './FamilyNotes'
import { hasRole } from '../../session'
import { NoteCheckPage } from './NoteCheckPage'

export const feature: Feature = {
  routes: [{ path: '/admin/note-check', roles: ['administrator'], page: () => <NoteCheckPage /> }],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/note-check',
            label: 'Copy-paste check',
            order: 94.5,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : [],
  familyPanels: [
    {
      id: 'notes',
      order: 70,
      roles: ['practitioner'],
      panel: (f) => <FamilyNotes familyId={f.id} kids={childrenOf(f)} />,
    },
  ],
}
