import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The stand-alone worker (apps/worker/src/main.ts) as its own process, as in production. It gets
 * its own process group: tsx runs the worker in a child process, and a crash must reach both.
 */
export function spawnWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/apps/worker/src/main.ts`], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
}

/** SIGKILL to the whole process group (tsx and the worker it runs), as a crash would; waits for it. */
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
