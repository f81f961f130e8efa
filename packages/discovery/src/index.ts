import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * How a capability plugs in: by a file named for what it adds, found in its folder at start-up,
 * so a new capability adds files and edits no list.
 *
 * The compiled build (scripts/build-server.mjs) cannot list folders it was bundled from, so it
 * imports every such file itself and leaves them on globalThis before the program starts. From
 * source (tsx, vitest) that is empty and each loader reads its folder instead.
 */
export type BundledKind = 'routes' | 'handlers' | 'taskRules' | 'chronology'
/** Each file as [its path under the folder the loader reads, the module]. */
export type BundledModules = [string, Record<string, unknown>][]

const KEY = '__hearthBundled'

/** The files of one kind the compiled build bundled; null when running from source. */
export function bundledModules(kind: BundledKind): BundledModules | null {
  const found = (globalThis as Record<string, unknown>)[KEY] as Partial<Record<BundledKind, BundledModules>> | undefined
  return found?.[kind] ?? null
}

/**
 * The files under `dir` whose path matches, imported in path order; in the compiled build, the
 * ones it bundled.
 */
export async function modulesIn(dir: string, pattern: RegExp, kind: BundledKind): Promise<BundledModules> {
  const bundled = bundledModules(kind)
  if (bundled) return bundled
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => pattern.test(f) && !f.includes('node_modules'),
  )
  const out: BundledModules = []
  for (const file of files.sort()) out.push([file, await import(pathToFileURL(join(dir, file)).href)])
  return out
}
