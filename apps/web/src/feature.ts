import type { ReactNode } from 'react'
import type { Me } from '@hearth/contracts'
import type { Role } from '@hearth/domain'
import { hasRole } from './session'

/** A page of a feature: who may open it (any signed-in person when `roles` is absent). */
export interface FeatureRoute {
  path: string
  roles?: readonly Role[]
  page(me: Me): ReactNode
}

/** A link in the header menu; `order` keeps the menu in the same place for everyone. */
export interface NavItem {
  to: string
  label: string
  order: number
}

/** What `features/<capability>/routes.tsx` exports as `feature`. */
export interface Feature {
  routes: FeatureRoute[]
  nav?(me: Me): NavItem[]
}

/** Every feature, found by folder: a new capability adds `features/<name>/routes.tsx`, nothing else. */
const FEATURES: Feature[] = Object.values(
  import.meta.glob<{ feature: Feature }>('./features/*/routes.tsx', { eager: true }),
).map((m) => m.feature)

export function routesFor(me: Me): FeatureRoute[] {
  return FEATURES.flatMap((f) => f.routes).filter((r) => !r.roles || hasRole(me, ...r.roles))
}

export function navFor(me: Me): NavItem[] {
  return FEATURES.flatMap((f) => f.nav?.(me) ?? []).sort((a, b) => a.order - b.order)
}
