import { join } from 'node:path'
import { modulesIn } from '@hearth/discovery'
import { JOBS } from '@hearth/jobs'
import type { Handlers, HandlerSet } from './job-context'

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

/** Every job name has exactly one handler and every handler a job name (checked at boot). */
export function assertHandlersComplete(handlers: Record<string, unknown>): void {
  const names = Object.keys(JOBS)
  const missing = names.filter((n) => !(n in handlers))
  const extra = Object.keys(handlers).filter((n) => !names.includes(n))
  if (missing.length || extra.length) {
    throw new Error(`job handlers out of step: missing [${missing.join(', ')}], unknown [${extra.join(', ')}]`)
  }
}
