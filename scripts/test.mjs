// `npm test`: the whole suite against a real PostgreSQL server and Redis (started here when not
// given), the same migrations on PGlite, and browser tests in Debian's Chromium.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  aptInstall,
  buildServerIfStale,
  buildWeb,
  ensureDependencies,
  ensurePnpm,
  findPgBin,
  ROOT,
  say,
  startPrivateRedis,
  startRedisCluster,
  startThrowawayPostgres,
  which,
} from './lib.mjs'
import { runCheck } from './check.mjs'

const started = Date.now()
const pnpm = ensurePnpm()
ensureDependencies(pnpm)

/**
 * The `unit` project (`*.unit.test.ts`, vitest.config.ts): with no service in its environment, so
 * a unit test that reaches for a database or Redis fails here rather than passing by luck.
 * @param {string[]} filters
 */
function runUnit(filters) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-unit-'))
  const out = join(dir, 'vitest.json')
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (/^TEST_(DATABASE|REDIS)/.test(k)) delete env[k]
  const args = ['run', '--project', 'unit', '--passWithNoTests', '--reporter=default', '--reporter=json']
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), [...args, `--outputFile.json=${out}`, ...filters], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  })
  const j = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null
  rmSync(dir, { recursive: true, force: true })
  return {
    ok: r.status === 0 && j !== null,
    passed: j?.numPassedTests ?? 0,
    failed: j ? j.numFailedTests : 1,
    skipped: (j?.numPendingTests ?? 0) + (j?.numTodoTests ?? 0),
  }
}

// `npm run test:unit`: the tests that need nothing running, in seconds.
if (process.argv[2] === '--unit') {
  const u = runUnit(process.argv.slice(3))
  say(`finished in ${Math.round((Date.now() - started) / 1000)} s`)
  process.stdout.write(`tests: ${u.passed} passed, ${u.failed} failed, ${u.skipped} skipped\n`)
  process.exit(u.ok && u.passed > 0 ? 0 : 1)
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const missing = []
if (!process.env.TEST_DATABASE_URL && !findPgBin()) missing.push('postgresql')
if (!which('redis-server')) missing.push('redis-server') // also needed by the `npm start` smoke test
if (!existsSync(CHROMIUM)) missing.push('chromium')
if (!which('xmllint')) missing.push('libxml2-utils') // the census XML checked against its XSD
aptInstall(missing, 'the test suite')

// HEARTH_TEST_SKIP_CHECK=1 is for quick local runs only; CI always checks.
if (process.env.HEARTH_TEST_SKIP_CHECK !== '1' && !runCheck()) {
  process.stdout.write('tests: 0 passed, 1 failed\n')
  process.exit(1)
}
// the unit tests first: seconds, and nothing else is worth starting while one fails
const unit = runUnit(process.argv.slice(2))
if (!unit.ok) {
  process.stdout.write(`tests: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped\n`)
  process.exit(1)
}
buildWeb(pnpm)
// the stand-alone worker tests and the npm start test run the compiled build
await buildServerIfStale()

const tmp = mkdtempSync(join(tmpdir(), 'hearth-test-'))
chmodSync(tmp, 0o755) // the postgres user must reach the cluster inside it
/** @type {Awaited<ReturnType<typeof startThrowawayPostgres>> | null} */
let pgServer = null
/** @type {Awaited<ReturnType<typeof startThrowawayPostgres>> | null} */
let pgServer2 = null
/** @type {Awaited<ReturnType<typeof startPrivateRedis>> | null} */
let redis = null
/** @type {Awaited<ReturnType<typeof startRedisCluster>> | null} */
let redisCluster = null
/**
 * The processes the tests started and did not stop: any whose environment carries this run's
 * HEARTH_TEST_TMP (every process a test starts inherits it; this script's own PostgreSQL and
 * Redis were started before it was set).
 * @param {string} dir
 * @returns {{ pid: number, cmd: string }[]}
 */
function leftBehind(dir) {
  const mine = new Set([process.pid])
  /** @type {{ pid: number, cmd: string }[]} */
  const found = []
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || mine.has(pid)) continue
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8')
      if (!environ.split('\0').includes(`HEARTH_TEST_TMP=${dir}`)) continue
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] === 'Z') continue // a zombie: already ended
      found.push({ pid, cmd: cmd.slice(0, 120) })
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found
}

let status = 1
try {
  /** @type {NodeJS.ProcessEnv} */
  // Every process a test starts (npm start, workers) refuses SQL that does not name its council.
  const env = { ...process.env, CHROMIUM_PATH: CHROMIUM, HEARTH_TEST_TMP: tmp, COUNCIL_SCOPE_GUARD: 'true' }
  if (!env.TEST_DATABASE_URL) {
    pgServer = await startThrowawayPostgres(join(tmp, 'pg'))
    env.TEST_DATABASE_URL = pgServer.url
    say(`started a throw-away PostgreSQL on port ${pgServer.port}`)
  }
  // a second PostgreSQL server: councils placed on a fleet of servers, and a council moved
  if (!env.TEST_DATABASE_URL_2) {
    pgServer2 = await startThrowawayPostgres(join(tmp, 'pg2'))
    env.TEST_DATABASE_URL_2 = pgServer2.url
    say(`started a second PostgreSQL on port ${pgServer2.port}`)
  }
  if (!env.TEST_REDIS_URL) {
    redis = await startPrivateRedis(join(tmp, 'redis'))
    env.TEST_REDIS_URL = redis.url
    say(`started a private redis-server on port ${redis.port}`)
  }
  // the cluster tier: BullMQ on a Redis Cluster of three primaries and three replicas
  if (!env.TEST_REDIS_CLUSTER_URL) {
    redisCluster = await startRedisCluster(join(tmp, 'redis-cluster'))
    env.TEST_REDIS_CLUSTER_URL = redisCluster.url
    say(`started a Redis Cluster of 6 nodes on ports ${redisCluster.ports.join(', ')}`)
  }
  const results = join(tmp, 'vitest.json')
  const args = [
    'run',
    '--project',
    'services',
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}`,
    ...process.argv.slice(2),
  ]
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), args, { cwd: ROOT, env, stdio: 'inherit' })
  status = r.status ?? 1
  const vitestStatus = status
  // Every process a test started (workers, npm start) must have been stopped by its test.
  const left = leftBehind(tmp)
  if (left.length) {
    say(`tests left ${left.length} process(es) running: ${left.map((p) => `${p.pid} ${p.cmd}`).join('; ')}`)
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL')
      } catch {
        /* gone meanwhile */
      }
    }
    status = 1
  }
  if (existsSync(results)) {
    const j = JSON.parse(readFileSync(results, 'utf8'))
    const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0) + unit.skipped
    const passed = j.numPassedTests + unit.passed
    say(`finished in ${Math.round((Date.now() - started) / 1000)} s (${unit.passed} unit tests, then the rest)`)
    process.stdout.write(`tests: ${passed} passed, ${j.numFailedTests} failed, ${skipped} skipped\n`)
    if (j.numTotalTests + unit.passed === 0) status = 1
    if (vitestStatus !== 0 && j.numFailedTests === 0)
      say('every test passed, but vitest failed the run (an unhandled error or a failed file: see above)')
  } else {
    process.stdout.write('tests: 0 passed, 1 failed\n')
    status = 1
  }
} finally {
  await redisCluster?.stop()
  await redis?.stop()
  pgServer?.stop()
  pgServer2?.stop()
  rmSync(tmp, { recursive: true, force: true })
}
process.exit(status)
