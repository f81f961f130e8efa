import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * The stand-alone worker as its own process, as in production: the compiled build
 * (apps/worker/dist/main.mjs, made by `npm test` before the suite). It gets its own process group,
 * so a crash reaches anything it started.
 */
export function spawnWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [`${ROOT}/apps/worker/dist/main.mjs`], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
}

/** SIGKILL to the whole process group, as a crash would; waits for it. */
export async function killWorkerProcess(child: ChildProcess): Promise<void> {
  // a process killed by a signal has signalCode set and exitCode still null
  const running = child.exitCode === null && child.signalCode === null
  const exited = running ? new Promise((r) => child.once('exit', r)) : Promise.resolve()
  try {
    process.kill(-child.pid!, 'SIGKILL')
  } catch {
    /* already gone */
  }
  await exited
}
