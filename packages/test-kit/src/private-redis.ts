import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
// @ts-expect-error: a plain .mjs script, typed through JSDoc
import { startPrivateRedis } from '../../../scripts/lib.mjs'

/** A redis-server of the test's own (to pause, kill or lose), not the suite's shared one. */
export async function privateRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  return startPrivateRedis(mkdtempSync(join(tmpdir(), 'hearth-test-redis-')))
}

/** SIGKILL to the redis-server at this address: no shutdown, nothing saved. Waits until it is gone. */
export async function killRedisHard(url: string): Promise<void> {
  const probe = new Redis(url)
  const pid = Number(/process_id:(\d+)/.exec(await probe.info('server'))![1])
  probe.disconnect()
  process.kill(pid, 'SIGKILL')
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('redis-server did not stop')
}
