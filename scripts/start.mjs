// `npm start`: installs what is missing and starts Hearth with a demo council on embedded defaults.
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  aptInstall,
  buildServerIfStale,
  buildWeb,
  ensureDependencies,
  ensurePnpm,
  ROOT,
  say,
  startPrivateRedis,
  waitFor,
  which,
} from './lib.mjs'

const DEMO = [
  ['Administrator', 'admin@northmoor.example'],
  ['Second administrator (approves roles)', 'abel.adminson@northmoor.example'],
  ['Practitioner', 'practitioner@northmoor.example'],
  ['Referral officer', 'referrals@northmoor.example'],
  ['Enabler', 'enabler@northmoor.example'],
  ['Insight adviser', 'insight@northmoor.example'],
  ['Strategy member', 'strategy@northmoor.example'],
  ['Information governance', 'governance@northmoor.example'],
]

const pnpm = ensurePnpm()
ensureDependencies(pnpm)
buildWeb(pnpm)
await buildServerIfStale()

const env = { ...process.env }
env.HEARTH_DATA_DIR ??= join(ROOT, '.hearth/pgdata')
env.PORT ??= '3000'
env.HOST ??= '127.0.0.1'
env.SEED_DEMO ??= 'true'
env.NODE_ENV ??= 'production'
env.COOKIE_SECURE ??= 'false' // plain http on this machine; set true behind HTTPS

/** @type {Awaited<ReturnType<typeof startPrivateRedis>> | null} */
let redis = null
if (!env.REDIS_URL) {
  if (!which('redis-server')) aptInstall(['redis-server'], 'the embedded queue (no REDIS_URL set)')
  redis = await startPrivateRedis(join(ROOT, '.hearth/redis'), { persist: true })
  env.REDIS_URL = redis.url
  say(`started a private redis-server on 127.0.0.1:${redis.port}`)
}
say(
  env.DATABASE_URL
    ? 'using the PostgreSQL server in DATABASE_URL'
    : `using embedded PostgreSQL (PGlite) in ${env.HEARTH_DATA_DIR}`,
)
mkdirSync(join(ROOT, '.hearth'), { recursive: true })

// the compiled build (npm run build), not the TypeScript sources
const api = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'apps/api/dist/server.mjs')], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
})

let stopping = false
/** @param {number} code */
async function stop(code) {
  if (stopping) return
  stopping = true
  if (api.exitCode === null) {
    api.kill('SIGTERM')
    await new Promise((r) => api.once('exit', r))
  }
  if (redis) await redis.stop()
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
api.on('exit', (code) => {
  if (!stopping) {
    say(`the API stopped (exit ${code})`)
    void stop(code ?? 1)
  }
})

const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`
try {
  await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, {
    timeoutMs: 120_000,
    intervalMs: 300,
    what: 'Hearth',
  })
} catch (err) {
  say(err instanceof Error ? err.message : String(err))
  await stop(1)
}
const lines = [
  '',
  `Hearth is running at ${url}`,
  `API documentation: ${url}/docs`,
  '',
  env.SEED_DEMO === 'true' ? 'Demo sign-ins (password for all: hearth-demo-2026):' : '',
  ...(env.SEED_DEMO === 'true' ? DEMO.map(([role, email]) => `  ${role.padEnd(18)} ${email}`) : []),
  '',
  'Press Ctrl-C to stop.',
  '',
]
process.stdout.write(`${lines.join('\n')}\n`)
