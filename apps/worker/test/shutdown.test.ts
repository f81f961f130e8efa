import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshPgDatabase } from '@hearth/test-kit/db'
import { killWorkerProcess } from '@hearth/test-kit/worker-process'
import { killRedisHard, privateRedis } from '@hearth/test-kit/private-redis'

/**
 * #18 finding 12: a worker sent SIGTERM while Redis was unreachable never exited. Shutdown has a
 * deadline (WORKER_SHUTDOWN_DEADLINE_MS): past it the worker exits non-zero, and its unfinished
 * jobs are taken over as stalled once a worker is back. With Redis there, it stops cleanly (0).
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
const children: ChildProcess[] = []
const redises: { stop(): Promise<void> }[] = []

beforeAll(async () => {
  dbx = await freshPgDatabase()
})
afterAll(async () => {
  for (const c of children) await killWorkerProcess(c)
  for (const r of redises) await r.stop()
  await dbx.drop()
})

/** Starts the stand-alone worker against a Redis of its own; resolves once it says it started. */
async function startedWorker() {
  const redis = await privateRedis()
  redises.push(redis)
  // node with tsx's loader, not the tsx command: that wrapper relays a signal to its child and,
  // if the child has not answered within 30 ms (a busy machine), kills it and exits 143
  const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}/apps/worker/src/main.ts`], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbx.url,
      REDIS_URL: redis.url,
      BULLMQ_PREFIX: '{shutdown}',
      LOG_LEVEL: 'info',
      WORKER_SHUTDOWN_DEADLINE_MS: '1500',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (d) => {
    out += String(d)
  })
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: performance.now() })),
  )
  const deadline = Date.now() + 30_000
  while (!out.includes('worker started')) {
    if (Date.now() > deadline) throw new Error('the worker did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { child, redis, exit, output: () => out }
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())])

describe('stopping the worker', () => {
  it('with Redis there: finishes and exits 0', async () => {
    const w = await startedWorker()
    process.kill(-w.child.pid!, 'SIGTERM')
    const ended = await within(w.exit, 15_000)
    expect(ended, 'exited').not.toBeNull()
    expect(ended!.code).toBe(0)
  })

  it('with Redis gone: exits by its deadline instead of waiting for ever', async () => {
    const w = await startedWorker()
    await killRedisHard(w.redis.url) // Redis is gone, with no goodbye
    await new Promise((r) => setTimeout(r, 300))
    const sent = performance.now()
    process.kill(-w.child.pid!, 'SIGTERM')
    const ended = await within(w.exit, 15_000)
    // it exits, whatever happens: cleanly if closing finishes without Redis, or at its deadline
    // (1.5 s here) with a non-zero status and the reason in the log; never waiting for ever
    expect(ended, 'exited').not.toBeNull()
    expect(ended!.at - sent).toBeLessThan(10_000)
    if (ended!.code !== 0) expect(w.output()).toContain('shutdown_deadline')
  })
})
