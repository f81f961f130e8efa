// `npm run bench`: speed and memory figures on this machine, written to docs/benchmarks.md.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  aptInstall,
  buildServerIfStale,
  ensureDependencies,
  ensurePnpm,
  findPgBin,
  ROOT,
  say,
  startPrivateRedis,
  startThrowawayPostgres,
  which,
} from './lib.mjs'

/**
 * Every `bench/*.bench.ts`, found by name (a new benchmark is a new file, nothing else): the quick
 * ones first, then those whose first line says how long they take (`// takes: about 8 minutes`),
 * shortest first. `BENCH_ONLY=<file>` runs one.
 */
function benchmarks() {
  const dir = join(ROOT, 'bench')
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!process.env.BENCH_ONLY || f === process.env.BENCH_ONLY))
    .map((file) => {
      const said = /^\/\/ takes: (.*)$/m.exec(readFileSync(join(dir, file), 'utf8').split('\n')[0] ?? '')?.[1]
      return { file, takes: said ?? 'about a minute', minutes: said ? Number(/\d+/.exec(said)?.[0] ?? 1) : 0 }
    })
  return all.sort((a, b) => a.minutes - b.minutes || a.file.localeCompare(b.file))
}

const pnpm = ensurePnpm()
ensureDependencies(pnpm)
const missing = []
if (!findPgBin()) missing.push('postgresql')
if (!which('redis-server')) missing.push('redis-server')
aptInstall(missing, 'the benchmark')
// the API and worker run as in production: the compiled build
await buildServerIfStale()

const tmp = mkdtempSync(join(tmpdir(), 'hearth-bench-'))
chmodSync(tmp, 0o755)
let pg = null
/** @type {Awaited<ReturnType<typeof startThrowawayPostgres>>[]} */
const more = []
let redis = null
let status = 1
try {
  pg = await startThrowawayPostgres(join(tmp, 'pg'))
  redis = await startPrivateRedis(join(tmp, 'redis'))
  // the loopback simulation's second and third database servers
  if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'fleet.bench.ts')
    for (const n of [2, 3]) more.push(await startThrowawayPostgres(join(tmp, `pg${n}`)))
  const out = join(tmp, 'sections')
  mkdirSync(out)
  status = 0
  for (const { file, takes } of benchmarks()) {
    say(`running bench/${file} (${takes})`)
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'bench', file)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_DATABASE_URL: pg.url,
        BENCH_DATABASE_URL_2: more[0]?.url,
        BENCH_DATABASE_URL_3: more[1]?.url,
        BENCH_REDIS_URL: redis.url,
        BENCH_OUT_DIR: out,
      },
    })
    if (r.status !== 0) status = r.status ?? 1
  }
  const pgVersion = existsSync(join(out, 'versions.txt')) ? readFileSync(join(out, 'versions.txt'), 'utf8') : 'unknown'
  const sections = readdirSync(out)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(out, f), 'utf8'))
  const header = `# Benchmarks

Made by \`npm run bench\` (bench/*.bench.ts); this file is rewritten on every run. Figures are for
this machine only: compare runs on the same machine, never against a timed unit test.

- **Machine**: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}
- **Date**: ${new Date().toISOString().slice(0, 10)}
- **Software**: Node ${process.version}, PostgreSQL ${pgVersion} (throw-away cluster, fsync off), Redis (private); the API and the worker each in their own process, load from a third (autocannon)
`
  if (status === 0 && !process.env.BENCH_ONLY) {
    writeFileSync(join(ROOT, 'docs/benchmarks.md'), [header, ...sections].join('\n'))
    // in the house format (tables aligned), so `npm run check` passes on the new figures
    spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', 'docs/benchmarks.md'], {
      cwd: ROOT,
      stdio: 'inherit',
    })
  }
} finally {
  await redis?.stop()
  pg?.stop()
  for (const s of more) s.stop()
  rmSync(tmp, { recursive: true, force: true })
}
process.exit(status)
