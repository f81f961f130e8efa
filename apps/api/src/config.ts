import { z } from 'zod'
import { parseServers } from '@hearth/db/fleet'

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const EnvSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
    .default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  /** PostgreSQL server. Unset: embedded PGlite under HEARTH_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  /**
   * More PostgreSQL servers, for councils placed on them (`name=postgres://…,name=postgres://…`):
   * DATABASE_URL is the home server, holding the placements and every council not placed.
   */
  DATABASE_SERVERS: z
    .string()
    .refine(
      (v) => {
        try {
          return parseServers(v).length > 0
        } catch {
          return false
        }
      },
      { message: 'must be name=postgres://…, with more separated by commas (names in lower case, not "home")' },
    )
    .optional(),
  HEARTH_DATA_DIR: z.string().min(1).default('.hearth/pgdata'),
  REDIS_URL: z.string().regex(/^(rediss?|redis-cluster):\/\//, {
    message:
      'must start with redis://, rediss:// or redis-cluster:// (a Redis Cluster: redis-cluster://host:port,host:port)',
  }),
  BULLMQ_PREFIX: z.string().min(1).default('{hearth}'),
  /** The address families open their links at (https://hearth.example.gov.uk); unset: this request's. */
  PUBLIC_URL: z.url({ message: 'must be a web address, like https://hearth.example.gov.uk' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Sign-in attempts a minute from one address, and for one email address (shared through Redis). */
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(1_000).default(10),
  /** How often an open live-events stream re-checks its session and access (and sends a heartbeat). */
  EVENTS_RECHECK_SECONDS: z.coerce.number().min(0.05).max(300).default(25),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /** How long finding and loading every capability's routes may take before start-up gives up. */
  PLUGIN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  /** Cookies marked Secure (on behind HTTPS in production). */
  COOKIE_SECURE: Bool.optional(),
  MIGRATE_ON_START: Bool.default(true),
  SEED_DEMO: Bool.default(false),
  /** Run the BullMQ worker inside the API process (always with PGlite, which allows one process). */
  RUN_WORKER_IN_PROCESS: Bool.optional(),
  /** Serve the built web app from this folder. */
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: Bool.default(false),
  /**
   * Refuse, before it runs, any SQL on a council-scoped table that does not name the council
   * (packages/db/src/council-scope.ts). On in every test run; costs a regex per statement.
   */
  COUNCIL_SCOPE_GUARD: Bool.default(false),
})

export type Config = z.infer<typeof EnvSchema> & {
  embedded: boolean
  runWorkerInProcess: boolean
  cookieSecure: boolean
}

export class ConfigError extends Error {}

/** Validates the environment; a wrong value stops the process with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvSchema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Hearth cannot start: these environment variables are wrong:\n${lines.join('\n')}`)
  }
  const c = result.data
  const embedded = !c.DATABASE_URL
  if (embedded && c.DATABASE_SERVERS)
    throw new ConfigError('Hearth cannot start: DATABASE_SERVERS needs DATABASE_URL (the home server) too.')
  return {
    ...c,
    embedded,
    runWorkerInProcess: embedded ? true : (c.RUN_WORKER_IN_PROCESS ?? false),
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
  }
}
