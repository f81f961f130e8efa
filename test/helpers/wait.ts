import { limit } from './time'

/** Polls until the check is true; fails the test with what it waited for. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + limit(timeoutMs)
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`condition not met within ${limit(timeoutMs)} ms`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
