import { existsSync } from 'node:fs'
import { join } from 'node:path'
import autoload from '@fastify/autoload'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { Queue } from 'bullmq'
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Redis } from 'ioredis'
import type { Db, DbHandle, Listening } from '@hearth/db/client'
import type { Fleet } from '@hearth/db/fleet'
import type { QueueName } from '@hearth/jobs'
import { bundledModules } from '@hearth/discovery'
import type { Config } from './config'
import auth from './plugins/auth'
import familyLink from './plugins/family-link'
import rateLimit from '@fastify/rate-limit'
import { boundedRedisStore } from './kernel/rate-limit-store'
import { ACTOR_CHANNEL, ActorCache } from './kernel/actor-cache'
import { AppError } from './kernel/errors'
import inputGuard from './plugins/input-guard'
import errorHandler from './plugins/error-handler'
import events from './plugins/events'
import addressMask from './plugins/address-mask'
import readAudit from './plugins/read-audit'
import restrictionGuard from './plugins/restriction-guard'
import health from './plugins/health'
import idempotency from './plugins/idempotency'

/** Route files: `routes.ts` or `<name>.routes.ts` in a module folder (not their tests). */
const ROUTE_FILE = /(^|[/\\.])routes\.(ts|js)$/

export interface AppDeps {
  db: Db
  /**
   * Councils on a fleet of PostgreSQL servers (`db` is then the fleet's): each request runs with
   * the fleet in scope, and the signed-in person's (or the family link's) council once known.
   */
  fleet?: Fleet
  pingDb(): Promise<void>
  /** LISTEN on the database (DbHandle.listen): with it, signed-in people are cached briefly. */
  listen?: DbHandle['listen']
  redis: Redis
  queues: Record<QueueName, Queue>
  config: Pick<
    Config,
    | 'SESSION_IDLE_MINUTES'
    | 'SESSION_ABSOLUTE_HOURS'
    | 'SIGN_IN_LIMIT_PER_IP'
    | 'SIGN_IN_LIMIT_PER_EMAIL'
    | 'cookieSecure'
    | 'WEB_DIST_DIR'
    | 'TRUST_PROXY'
    | 'BULLMQ_PREFIX'
    | 'EVENTS_RECHECK_SECONDS'
  > &
    Partial<Pick<Config, 'PUBLIC_URL' | 'SESSION_CACHE_SECONDS' | 'PLUGIN_TIMEOUT_SECONDS'>>
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
    /** This process's cache of signed-in people (null when off). */
    actorCache: ActorCache | null
    /** Resolves once this process has heard every change committed before the call. */
    actorChangesHeard(): Promise<void>
  }
}

type OpenApiDoc = { paths?: Record<string, Record<string, { parameters?: unknown[] }>> }

/** Every change takes an Idempotency-Key (the idempotency plugin): said once here for each operation. */
function withIdempotencyHeader(doc: object) {
  const api = (doc as { openapiObject: unknown }).openapiObject as OpenApiDoc
  for (const [path, ops] of Object.entries(api.paths ?? {})) {
    if (!path.startsWith('/api/') || path.startsWith('/api/auth/')) continue
    for (const [method, op] of Object.entries(ops)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue
      op.parameters ??= []
      const params = op.parameters
      if (params.some((p) => (p as { name?: string }).name?.toLowerCase() === 'idempotency-key')) continue
      params.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Any unique string of 8 to 200 letters, digits or - _ . : for this change. Sent again, the same key ' +
          'returns the first answer instead of making a second change (kept for 24 hours).',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,200}$' },
      })
    }
  }
  return api as never
}

/** Builds the app without listening, so tests drive it through app.inject. */
export async function buildApp(
  deps: AppDeps,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    // Finding and loading every capability's routes can take longer than Fastify's 10 s on a busy
    // two-core machine (a cold start while tests or a migration run); a real failure still fails.
    // Tests take it from the environment too (HEARTH_PLUGIN_TIMEOUT_SECONDS, packages/test-kit/src/app.ts).
    pluginTimeout: (deps.config.PLUGIN_TIMEOUT_SECONDS ?? 60) * 1000,
    // A URL the router cannot read (bad percent-encoding, a parameter too long) still answers in
    // Hearth's one error shape.
    frameworkErrors: (err, request, reply) => {
      const body = { error: { code: 'bad_request', message: 'That address is not valid.', requestId: request.id } }
      ;(reply as FastifyReply)
        .code(err.statusCode ?? 400)
        .header('cache-control', 'no-store')
        .send(body)
    },
    // A request Node's HTTP parser refuses before Fastify sees it (a malformed header, headers too
    // large: 431) answers in the same shape, with no request id (there was no request).
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return socket.destroy()
      const code = (err as { code?: string }).code
      const [status, reason, message] =
        code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', 'The request’s headers are too large.']
          : [400, 'Bad Request', 'That request is not valid.']
      const body = JSON.stringify({ error: { code: status === 431 ? 'headers_too_large' : 'bad_request', message } })
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      )
    },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('deps', deps)
  // first of all: the rest of the request (hooks, handler, answer) runs in the fleet's scope
  const fleet = deps.fleet
  // (a fleet of one server has nothing to choose: no scope, and nothing paid for one)
  if (fleet && fleet.size > 1) app.addHook('onRequest', (_request, _reply, done) => fleet.enter(done))

  await app.register(errorHandler)
  // Security headers first, so refusals (401, 403) carry them too.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  })
  // Nothing under /api is ever kept by a browser or a proxy: it is case data.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store')
  })
  await app.register(inputGuard)
  // Throttling (sign-in): counters in Redis, so every API process shares them.
  await app.register(rateLimit, {
    global: false,
    // each count answers within a second: a stalled Redis must not hold sign-in up
    store: boundedRedisStore(deps.redis, `${deps.config.BULLMQ_PREFIX}:rate:`, 1_000),
    // Redis down must not stop people signing in (the lock-out in PostgreSQL still counts guesses):
    // while it is not connected, throttling stands aside rather than wait for it
    skipOnError: true,
    allowList: () => deps.redis.status !== 'ready',
    errorResponseBuilder: () =>
      new AppError('rate_limited', 'Too many attempts to sign in. Wait a minute, then try again.'),
  })
  await app.register(cookie)
  // Who is signed in, cached briefly (kernel/actor-cache.ts): the database announces every change
  // when it commits; a change made through this process is heard before its answer is sent, so
  // the next request, here or in any process, sees it.
  const seconds = deps.config.SESSION_CACHE_SECONDS ?? 10
  const actorCache = deps.listen && seconds > 0 ? new ActorCache(seconds * 1000) : null
  app.decorate('actorCache', actorCache)
  let listening: Listening | null = null
  app.decorate('actorChangesHeard', async () => {
    if (actorCache?.listening) await listening?.echo(`sync:${crypto.randomUUID()}`)
  })
  if (actorCache && deps.listen) {
    listening = deps.listen(ACTOR_CHANNEL, {
      message: (m) => actorCache.changed(m),
      ready: () => actorCache.up(),
      lost: () => actorCache.down(),
    })
    app.addHook('onClose', async () => listening?.close())
    // (a refused change, 4xx, changed nothing: no need to wait)
    app.addHook('onSend', async (request, reply, payload) => {
      const refused = reply.statusCode >= 400 && reply.statusCode < 500
      if (request.method !== 'GET' && request.method !== 'HEAD' && !refused) await app.actorChangesHeard()
      return payload
    })
  }
  await app.register(auth, {
    db: deps.db,
    cache: actorCache,
    idleMinutes: deps.config.SESSION_IDLE_MINUTES,
    absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
    cookieSecure: deps.config.cookieSecure,
  })
  await app.register(restrictionGuard, { db: deps.db })
  await app.register(familyLink, { db: deps.db, redis: deps.redis, prefix: deps.config.BULLMQ_PREFIX })
  await app.register(idempotency, { db: deps.db })
  await app.register(readAudit, { db: deps.db, redis: deps.redis, prefix: deps.config.BULLMQ_PREFIX })
  await app.register(addressMask, { db: deps.db })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hearth API',
        version: '0.1.0',
        description:
          "Children's social care for self-managing teams. Every change needs the X-CSRF-Token header from GET /api/auth/me.",
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: withIdempotencyHeader,
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })

  await app.register(events, {
    redis: deps.redis,
    prefix: deps.config.BULLMQ_PREFIX,
    db: deps.db,
    idleMinutes: deps.config.SESSION_IDLE_MINUTES,
    recheckMs: deps.config.EVENTS_RECHECK_SECONDS * 1000,
  })
  await app.register(health)
  // Every capability's routes: each modules/<capability>/routes.ts (or *.routes.ts) under /api,
  // discovered here, so a new capability adds a folder and edits nothing else.
  // The compiled build imported them itself (it cannot read the folder it was bundled from).
  const bundled = bundledModules('routes')
  if (bundled) {
    for (const [, mod] of bundled) {
      const prefix = `/api${(mod.autoPrefix as string | undefined) ?? ''}`
      await app.register(mod.default as FastifyPluginAsync, { prefix })
    }
  } else {
    await app.register(autoload, {
      dir: join(import.meta.dirname, 'modules'),
      dirNameRoutePrefix: false,
      matchFilter: (path: string) => ROUTE_FILE.test(path),
      forceESM: true,
      options: { prefix: '/api' },
    })
  }

  const dist = deps.config.WEB_DIST_DIR
  const serveWeb = !!dist && existsSync(join(dist, 'index.html'))
  if (serveWeb) await app.register(fastifyStatic, { root: dist, wildcard: true, index: ['index.html'] })
  // The web app routes in the browser: unknown non-API pages get index.html; everything else the error shape.
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      serveWeb &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html')
    if (wantsPage) return reply.type('text/html').sendFile('index.html')
    return reply
      .code(404)
      .send({ error: { code: 'not_found', message: 'There is nothing at this address.', requestId: request.id } })
  })
  return app
}
