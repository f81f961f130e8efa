import { apiTestLogger } from './log-capture'
import type { Ctx } from '@hearth/api/kernel/context'
import type { Caller } from '@hearth/api/kernel/caller'
import { randomBytes } from 'node:crypto'
import { Queue } from 'bullmq'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, SESSION_COOKIE } from '@hearth/api'
import type { DbHandle } from '@hearth/db/client'
import type { Fleet } from '@hearth/db/fleet'
import { createRedis, QUEUES, type QueueName } from '@hearth/jobs'
import { requireEnv } from './env'
import { TEST_PASSWORD } from './db'

export interface TestApp {
  app: FastifyInstance
  prefix: string
  queues: Record<QueueName, Queue>
  close(): Promise<void>
}

/** The real app on a given database and the real Redis, with a BullMQ prefix of its own. */
export async function makeTestApp(
  handle: DbHandle,
  config: Partial<{
    SESSION_IDLE_MINUTES: number
    SESSION_ABSOLUTE_HOURS: number
    SIGN_IN_LIMIT_PER_IP: number
    SIGN_IN_LIMIT_PER_EMAIL: number
    EVENTS_RECHECK_SECONDS: number
    /** Two test apps with one prefix act as two API processes sharing Redis. */
    BULLMQ_PREFIX: string
  }> = {},
  redisUrl = requireEnv('TEST_REDIS_URL'),
  /** Councils on a fleet of servers: `handle` is then `fleet.handle(true)`. */
  fleet?: Fleet,
): Promise<TestApp> {
  const redis = createRedis(redisUrl, { retryStrategy: () => 500 })
  redis.on('error', () => {})
  const prefix = config.BULLMQ_PREFIX ?? `{t${randomBytes(4).toString('hex')}}`
  const queues = Object.fromEntries(
    Object.values(QUEUES).map((n) => [n, new Queue(n, { connection: redis, prefix })]),
  ) as Record<QueueName, Queue>
  const app = await buildApp(
    {
      db: handle.guarded,
      fleet,
      pingDb: handle.ping,
      listen: handle.listen,
      redis,
      queues,
      config: {
        SESSION_IDLE_MINUTES: 30,
        SESSION_ABSOLUTE_HOURS: 12,
        cookieSecure: false,
        WEB_DIST_DIR: undefined,
        TRUST_PROXY: false,
        BULLMQ_PREFIX: prefix,
        // every test signs in from one address, many times: throttling is tested on its own
        SIGN_IN_LIMIT_PER_IP: 100_000,
        SIGN_IN_LIMIT_PER_EMAIL: 1_000,
        EVENTS_RECHECK_SECONDS: 25,
        // a loaded machine (two suites side by side) loads the routes slowly: set it from outside
        PLUGIN_TIMEOUT_SECONDS: Number(process.env.HEARTH_PLUGIN_TIMEOUT_SECONDS ?? 120),
        ...config,
      },
    },
    apiTestLogger(),
  )
  await app.ready()
  return {
    app,
    prefix,
    queues,
    close: async () => {
      await app.close()
      await Promise.all(Object.values(queues).map((q) => q.close()))
      // let commands in flight finish (quit), unless Redis was never reached (disconnect)
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
      else redis.disconnect()
    },
  }
}

export interface Session {
  cookie: string
  csrf: string
  personId: string
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    opts?: { csrf?: string | null; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>
}

export async function signInAs(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`)
  const set = res.cookies.find((c) => c.name === SESSION_COOKIE)!
  const cookie = `${SESSION_COOKIE}=${set.value}`
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
  const { csrfToken, personId } = me.json()
  return {
    cookie,
    csrf: csrfToken,
    personId,
    request: (method, url, body, opts) =>
      app.inject({
        method,
        url,
        headers: {
          cookie,
          ...(opts?.csrf === null ? {} : { 'x-csrf-token': opts?.csrf ?? csrfToken }),
          ...opts?.headers,
        },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  }
}

/** The request context of a use-case called directly from a test (no HTTP request, no signed-in person). */
export const ctxOf = (councilId: string): Ctx => ({
  councilId,
  actorPersonId: null,
  route: null,
  method: null,
  ip: null,
  requestId: 'test',
})

/** A caller for tests that call a use-case directly: sees every family of the council, no person. */
export const callerIn = (councilId: string, over: Partial<Caller> = {}): Caller => ({
  kind: 'staff',
  personId: '00000000-0000-4000-8000-000000000000',
  councilId,
  councilName: 'Test council',
  name: 'Test caller',
  email: 'test.caller@example.invalid',
  roles: [],
  teams: [],
  familyScope: { kind: 'all' },
  audit: ctxOf(councilId),
  ...over,
})
