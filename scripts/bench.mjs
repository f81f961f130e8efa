// `npm run bench`: speed and memory figures on this machine, written to docs/benchmarks.md.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { aptInstall, ensureDependencies, ensurePnpm, findPgBin, ROOT, say, startPrivateRedis, startThrowawayPostgres, which } from './lib.mjs'

const pnpm = ensurePnpm()
ensureDependencies(pnpm)
const missing = []
if (!findPgBin()) missing.push('postgresql')
if (!which('redis-server')) missing.push('redis-server')
aptInstall(missing, 'the benchmark')

const tmp = mkdtempSync(join(tmpdir(), 'hearth-bench-'))
chmodSync(tmp, 0o755)
let pg = null
let redis = null
let status = 1
try {
  pg = await startThrowawayPostgres(join(tmp, 'pg'))
  redis = await startPrivateRedis(join(tmp, 'redis'))
  say('running bench/referrals.bench.ts (about a minute)')
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'bench/referrals.bench.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_DATABASE_URL: pg.url, BENCH_REDIS_URL: redis.url },
  })
  status = r.status ?? 1
} finally {
  await redis?.stop()
  pg?.stop()
  rmSync(tmp, { recursive: true, force: true })
}
process.exit(status)
