import { limit } from './time.mjs'

/** Polls until the check is true; fails the test with what it waited for. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + limit(timeoutMs)
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`condition not met within ${limit(timeoutMs)} ms`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/**
 * Teardown that cannot hang the suite: waits for `closing` up to `ms` (scaled), then goes on.
 * For closing clients of a Redis Cluster whose primary a test killed, where a command queued for
 * the dead node may never be answered. Returns whether it closed in time.
 */
export async function closeWithin(closing: Promise<unknown>, ms = 10_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<false>((r) => {
    timer = setTimeout(() => r(false), limit(ms))
  })
  const done = closing.then(
    () => true as const,
    () => true as const,
  )
  try {
    return await Promise.race([done, late])
  } finally {
    clearTimeout(timer)
  }
}
