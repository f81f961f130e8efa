import { readdirSync } from 'node:fs'
import type { Role } from '@hearth/domain/roles'

/**
 * What the route-table tests need to know about a capability's routes that their schemas do not
 * say: bad bodies (each naming the field that must come back) and a body that is valid in the
 * caller's own council. Each capability keeps its own file, `apps/api/test/routes/<capability>.cases.ts`;
 * the tests find them all, and fail for a write route that has none.
 */
export interface RouteCases {
  bad: Record<string, { as: Role; cases: { body: unknown; field: string }[] }>
  validBody: Record<string, (ids: Record<string, string>) => unknown>
  /**
   * Each GET that reads a child's or family's record (other than those under a family's own
   * address, which read-audit.test.ts calls with its family): who calls it, and the address with
   * the read-audit test's fixture ids filled in, so the test can see its audit row written.
   */
  reads?: Record<string, (ids: Record<string, string>) => { as: Role; path: string }>
}

const ANY_IDS = new Proxy({}, { get: () => '00000000-0000-4000-8000-000000000000' })

/** Every capability's cases in `dir`, merged; a route named twice is an error. */
export async function loadRouteCases(dir: URL): Promise<Required<RouteCases>> {
  const all: Required<RouteCases> = { bad: {}, validBody: {}, reads: {} }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cases.ts'))
    .sort()
  for (const f of files) {
    const { default: cases } = (await import(new URL(f, dir).href)) as { default: RouteCases }
    for (const part of ['bad', 'validBody', 'reads'] as const) {
      for (const [route, value] of Object.entries(cases[part] ?? {})) {
        if (route in all[part]) throw new Error(`${route} has ${part} cases in two files`)
        if (part !== 'bad' && typeof (value as (ids: object) => unknown)(ANY_IDS) !== 'object')
          throw new Error(`${f}: the ${part} entry for ${route} does not give an object`)
        ;(all[part] as Record<string, unknown>)[route] = value
      }
    }
  }
  return all
}
