import type { Redis } from 'ioredis'

type Incr = (err: Error | null, res?: { current: number; ttl: number }) => void

/**
 * A store for `@fastify/rate-limit` whose every count answers within `timeoutMs`: a Redis that is
 * connected but stalled (paused, swapping, failing over) makes the count an error, and the plugin's
 * `skipOnError` lets the request through (the lock-out in PostgreSQL still counts guesses). The
 * plugin's own Redis store waits for Redis however long it takes, so sign-in hung with it.
 */
export function boundedRedisStore(redis: Redis, nameSpace: string, timeoutMs: number) {
  return class BoundedRedisStore {
    key: string
    constructor(_params?: unknown, key = nameSpace) {
      this.key = typeof key === 'string' ? key : nameSpace
    }
    incr(id: string, cb: Incr, timeWindow = 60_000) {
      const k = this.key + id
      let answered = false
      const answer: Incr = (err, res) => {
        if (answered) return
        answered = true
        clearTimeout(timer)
        cb(err, res)
      }
      const timer = setTimeout(() => answer(new Error('rate_limit_store_timeout')), timeoutMs)
      timer.unref()
      redis
        .multi()
        .incr(k)
        .pexpire(k, timeWindow, 'NX')
        .pttl(k)
        .exec()
        .then(
          (r) =>
            answer(null, { current: Number(r?.[0]?.[1] ?? 0), ttl: Math.max(0, Number(r?.[2]?.[1] ?? timeWindow)) }),
          (e: Error) => answer(e),
        )
    }
    child(routeOptions: object) {
      // (the plugin passes the route's options with its `routeInfo`, as its own Redis store reads)
      const { method, url } = (routeOptions as { routeInfo: { method: string; url: string } }).routeInfo
      return new BoundedRedisStore(undefined, `${this.key}${method}${url}-`)
    }
  }
}
