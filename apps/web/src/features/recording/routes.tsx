import type { Feature } from '../../feature'
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
}
