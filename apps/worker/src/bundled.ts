/**
 * The compiled build (scripts/build-server.mjs) cannot list folders it was bundled from, so it
 * imports every route, handler and task-rule file itself and leaves them here before the app
 * starts. From source (tsx, vitest) this is empty and each loader reads its folder instead.
 */
export type BundledKind = 'routes' | 'handlers' | 'taskRules'
/** Each file as [its path under the folder the loader reads, the module]. */
export type BundledModules = [string, Record<string, unknown>][]

const KEY = '__hearthBundled'

export function bundledModules(kind: BundledKind): BundledModules | null {
  const found = (globalThis as Record<string, unknown>)[KEY] as Partial<Record<BundledKind, BundledModules>> | undefined
  return found?.[kind] ?? null
}
