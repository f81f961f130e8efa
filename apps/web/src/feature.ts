import type { ReactNode } from 'react'
import type { z } from 'zod'
import type { Me } from '@hearth/contracts/auth'
import type { FamilyDetail } from '@hearth/contracts/families'
import type { Role } from '@hearth/domain/roles'
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
  /**
   * An administrator's setting: listed under this heading on the Administration page instead of
   * in the header (one "Administration" link there), so the menu stays one row.
   */
  group?: AdminGroup
}

/** The Administration page's headings, in their order. */
export const ADMIN_GROUPS = [
  'People and roles',
  'Teams and patches',
  'Timescales, checks and settings',
  'Audit and failed jobs',
] as const
export type AdminGroup = (typeof ADMIN_GROUPS)[number]

/** The family as its page shows it. */
export type FamilyView = z.infer<typeof FamilyDetail>

/**
 * A section a feature adds to the family's page. `order` places it: lower is higher up; under
 * 100 above the children and the people around them, 100 and over below them.
 */
export interface FamilyPanel {
  /** Names the section (unique on the page). */
  id: string
  order: number
  /** Who sees it (any signed-in person who may open the family when absent). */
  roles?: readonly Role[]
  panel(family: FamilyView, me: Me): ReactNode
}

/** What `features/<capability>/routes.tsx` exports as `feature`. */
export interface Feature {
  routes: FeatureRoute[]
  nav?(me: Me): NavItem[]
  /** Something the feature puts in the page header for a signed-in person (the search box). */
  header?(me: Me): ReactNode
  /** Sections of the family's page. */
  familyPanels?: FamilyPanel[]
}

/** Every feature, found by folder: a new capability adds `features/<name>/routes.tsx`, nothing else. */
const FEATURES: Feature[] = Object.values(
  import.meta.glob<{ feature: Feature }>('./features/*/routes.tsx', { eager: true }),
).map((m) => m.feature)

export function routesFor(me: Me): FeatureRoute[] {
  return FEATURES.flatMap((f) => f.routes).filter((r) => !r.roles || hasRole(me, ...r.roles))
}

/** What features put in the header, in the order their folders sort. */
export function headerFor(me: Me): ReactNode[] {
  return FEATURES.map((f) => f.header?.(me)).filter((n) => n !== undefined && n !== null)
}

/** The family page's sections the person may see, above or below the family's own people. */
export function familyPanelsFor(me: Me, where: 'above' | 'below'): FamilyPanel[] {
  return FEATURES.flatMap((f) => f.familyPanels ?? [])
    .filter((p) => (where === 'above' ? p.order < 100 : p.order >= 100))
    .filter((p) => !p.roles || hasRole(me, ...p.roles))
    .sort((a, b) => a.order - b.order)
}

/** The family's children as the family page's sections name them. */
export function childrenOf(f: FamilyView): { id: string; name: string }[] {
  return f.children.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` }))
}

const allNav = (me: Me) => FEATURES.flatMap((f) => f.nav?.(me) ?? []).sort((a, b) => a.order - b.order)

/** The header menu: administrators' settings are gathered behind one "Administration" link. */
export function navFor(me: Me): NavItem[] {
  const all = allNav(me)
  const header = all.filter((i) => !i.group)
  if (all.some((i) => i.group)) header.push({ to: '/admin', label: 'Administration', order: 89 })
  return header.sort((a, b) => a.order - b.order)
}

/** Every administrator's setting the person may open, under its heading. */
export function adminNavFor(me: Me): { group: AdminGroup; items: NavItem[] }[] {
  const all = allNav(me)
  return ADMIN_GROUPS.map((group) => ({ group, items: all.filter((i) => i.group === group) })).filter(
    (g) => g.items.length > 0,
  )
}
