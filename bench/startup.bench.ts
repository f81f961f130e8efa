import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { freePort, freshDatabase, program, rssMb, signIn } from './lib'

/**
 * Start time and memory, compiled build against the TypeScript sources run by tsx (issue "Speed
 * and scale": production runs compiled JavaScript). The API against a real PostgreSQL already
 * migrated (each start still checks the migrations, as production does), the worker beside it.
 * Start: from spawning the process to /health/ready answering 200. Memory: the process and any it
 * started (tsx runs the code in a child), at ready and after 500 signed-in requests.
 */
const { url } = await freshDatabase('hearth_bench_startup')
const RUNS = 3
const REQUESTS = 500

function env(port: number, prefix: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    REDIS_URL: process.env.BENCH_REDIS_URL!,
    BULLMQ_PREFIX: prefix,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    SEED_DEMO: 'true',
    PORT: String(port),
    RUN_WORKER_IN_PROCESS: 'false',
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/** One start of the API: ms to ready, RSS at ready, RSS after the requests. */
async function startOnce(from: 'build' | 'tsx') {
  const port = await freePort()
  const [command, args] = program('api', from)
  const started = performance.now()
  const child = spawn(command, args, { env: env(port, '{benchstart}'), stdio: ['ignore', 'ignore', 'inherit'] })
  process.on('exit', () => child.kill('SIGKILL'))
  const address = `http://127.0.0.1:${port}`
  for (;;) {
    const ok = await fetch(`${address}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) break
    if (performance.now() - started > 120_000) throw new Error('the API did not start')
    await new Promise((r) => setTimeout(r, 10))
  }
  const readyMs = performance.now() - started
  const atReady = rssMb(child.pid!)
  const s = await signIn(address, 'practitioner@northmoor.example')
  for (let i = 0; i < REQUESTS; i++) {
    const r = await fetch(`${address}/api/me/day`, { headers: { cookie: s.cookie } })
    if (!r.ok) throw new Error(`My day answered ${r.status}`)
    await r.arrayBuffer()
  }
  const afterWork = rssMb(child.pid!)
  await stop(child)
  return { readyMs, atReady, afterWork }
}

/** The stand-alone worker: RSS five seconds after it starts (its queues open, nothing to do). */
async function workerOnce(from: 'build' | 'tsx') {
  const [command, args] = program('worker', from)
  const child = spawn(command, args, { env: env(0, '{benchstart}'), stdio: ['ignore', 'ignore', 'inherit'] })
  process.on('exit', () => child.kill('SIGKILL'))
  await new Promise((r) => setTimeout(r, 5000))
  const rss = rssMb(child.pid!)
  await stop(child)
  return rss
}

// the first start migrates and seeds; not counted
await startOnce('build')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const rows: string[] = []
const results: Record<string, { ready: number; atReady: number; afterWork: number; worker: number }> = {}
for (const from of ['tsx', 'build'] as const) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce(from))
  const worker = await workerOnce(from)
  results[from] = {
    ready: median(runs.map((r) => r.readyMs)),
    atReady: median(runs.map((r) => r.atReady)),
    afterWork: median(runs.map((r) => r.afterWork)),
    worker,
  }
}
const label = { tsx: 'TypeScript sources through `tsx` (before)', build: 'Compiled build, `node dist/…` (after)' }
for (const from of ['tsx', 'build'] as const) {
  const r = results[from]!
  rows.push(`| ${label[from]} | ${Math.round(r.ready)} ms | ${r.atReady} MiB | ${r.afterWork} MiB | ${r.worker} MiB |`)
}
const t = results.tsx!
const b = results.build!
const section = `## Start time and memory: compiled build against tsx

The API against a migrated PostgreSQL (each start checks the migrations, as production does),
median of ${RUNS} starts; memory is the process and any it started. "After work": ${REQUESTS}
signed-in requests for My day. The worker: its memory five seconds after it starts.

| how it runs | start to ready | API memory at ready | API memory after work | worker memory |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Start ${Math.round(t.ready)} ms → ${Math.round(b.ready)} ms; API memory at ready ${t.atReady} → ${b.atReady} MiB,
after work ${t.afterWork} → ${b.afterWork} MiB; worker ${t.worker} → ${b.worker} MiB. \`npm start\`, the
Dockerfile and docker-compose run the build (\`npm run build\`: esbuild, Hearth's packages bundled,
libraries imported from node_modules).
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/11-startup.md`, section)
process.stdout.write(section)
process.exit(0)
