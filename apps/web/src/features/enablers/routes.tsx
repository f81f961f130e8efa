import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { TaskSettingsPage } from './TaskSettingsPage'
import { TasksPage } from './TasksPage'

export const feature: Feature = {
  routes: [
    { path: '/tasks', roles: ['enabler'], page: () => <TasksPage /> },
    { path: '/admin/task-settings', roles: ['administrator'], page: () => <TaskSettingsPage /> },
  ],
  nav: (me) => [
    ...(hasRole(me, 'enabler') ? [{ to: '/tasks', label: 'Admin tasks', order: 30 }] : []),
    ...(hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/task-settings',
            label: 'Task settings',
            order: 94,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : []),
  ],
}
