import type { Feature } from '../../feature'
import { hasRole } from '../../session'
import { NewReferralPage } from './NewReferralPage'
import { ReferralPage } from './ReferralPage'
import { ReferralsPage } from './ReferralsPage'

export const feature: Feature = {
  routes: [
    { path: '/referrals', roles: ['referral_officer'], page: () => <ReferralsPage /> },
    { path: '/referrals/new', roles: ['referral_officer'], page: () => <NewReferralPage /> },
    { path: '/referrals/:id', roles: ['referral_officer'], page: () => <ReferralPage /> },
  ],
  nav: (me) => (hasRole(me, 'referral_officer') ? [{ to: '/referrals', label: 'Referrals', order: 20 }] : []),
}
