// `npm run check`: formatting, lint (zero warnings) and types, for the whole tree including
// these scripts. `npm test` runs it first, so CI enforces it.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT, say } from './lib.mjs'

/** @param {string} name */
const bin = (name) => join(ROOT, 'node_modules/.bin', name)
/** @type {[string, string, string[]][]} */
const steps = [
  ['format and lint (biome ci)', bin('biome'), ['ci', '--error-on-warnings', '.']],
  ['types (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['types of scripts/*.mjs (tsc, JSDoc)', bin('tsc'), ['-p', 'scripts/tsconfig.json']],
]

/** Runs every step (so one run shows every problem); true when all passed. */
export function runCheck() {
  let ok = true
  for (const [what, cmd, args] of steps) {
    say(`check: ${what}`)
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' })
    if (r.status !== 0) {
      say(`check failed: ${what} (see above; \`node_modules/.bin/biome check --write .\` fixes formatting)`)
      ok = false
    }
  }
  return ok
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runCheck() ? 0 : 1)
