import { Navigate } from 'react-router'
import type { Feature } from '../../feature'

/** Signed in, the sign-in page sends you home (signed out, App shows SignInPage itself). */
export const feature: Feature = {
  routes: [{ path: '/sign-in', page: () => <Navigate to="/" replace /> }],
}
