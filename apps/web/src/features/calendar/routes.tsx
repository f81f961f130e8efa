import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { BankHolidaysPage } from './BankHolidaysPage'

export const feature: Feature = {
  routes: [{ path: '/admin/bank-holidays', roles: ['administrator'], page: () => <BankHolidaysPage /> }],
  nav: (me) =>
    hasRole(me, 'administrator')
      ? [
          {
            to: '/admin/bank-holidays',
            label: 'Bank holidays',
            order: 93,
            group: 'Timescales, checks and settings' as const,
          },
        ]
      : [],
}
