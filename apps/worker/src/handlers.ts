import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { JOBS } from '@hearth/jobs'
import { type BundledKind, bundledModules } from './bundled'
import type { Handlers, HandlerSet } from './job-context'

export { bundledModules } from './bundled'
export type { Handler, Handlers, HandlerSet, JobContext } from './job-context'

const HANDLER_FILE = /\.handler\.(ts|js)$/

/**
 * Every job's handler, found in `jobs/<capability>/*.handler.ts` (each exports `handlers`), so a
 * new job adds a file and edits no list. Two files claiming one job name is an error.
 */
export async function loadHandlers(dir = join(import.meta.dirname, 'jobs')): Promise<Handlers> {
  const found: Record<string, unknown> = {}
  for (const [file, m] of await modulesIn(dir, HANDLER_FILE, 'handlers')) {
    const mod = m as { handlers?: HandlerSet }
    for (const [name, handler] of Object.entries(mod.handlers ?? {})) {
      if (name in found) throw new Error(`job ${name} has two handlers (the second in ${file})`)
      found[name] = handler
    }
  }
  assertHandlersComplete(found)
  return found as Handlers
}

/**
 * The files under `dir` whose path matches, imported in path order; in the compiled build, the
 * ones it bundled.
 */
export async function modulesIn(
  dir: string,
  pattern: RegExp,
  kind: BundledKind,
): Promise<[string, Record<string, unknown>][]> {
  const bundled = bundledModules(kind)
  if (bundled) return bundled
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => pattern.test(f))
  const out: [string, Record<string, unknown>][] = []
  for (const file of files.sort()) out.push([file, await import(pathToFileURL(join(dir, file)).href)])
  return out
}

/** Every job name has exactly one handler and every handler a job name (checked at boot). */
export function assertHandlersComplete(handlers: Record<string, unknown>): void {
  const names = Object.keys(JOBS)
  const missing = names.filter((n) => !(n in handlers))
  const extra = Object.keys(handlers).filter((n) => !names.includes(n))
  if (missing.length || extra.length) {
    throw new Error(`job handlers out of step: missing [${missing.join(', ')}], unknown [${extra.join(', ')}]`)
  }
}
