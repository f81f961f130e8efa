import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** A fresh database on the benchmark server; returns its URL and the server's version. */
export async function freshDatabase(name: string): Promise<{ url: string; version: string }> {
  const base = process.env.BENCH_DATABASE_URL!
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  const version = (await admin.query('show server_version')).rows[0].server_version as string
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), version }
}

/** How to run the API or the worker: the compiled build (production) or the sources with tsx. */
export function program(which: 'api' | 'worker', from: 'build' | 'tsx' = 'build'): [string, string[]] {
  if (from === 'tsx') {
    const src = which === 'api' ? 'apps/api/src/server.ts' : 'apps/worker/src/main.ts'
    return [`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/${src}`]]
  }
  const out = which === 'api' ? 'apps/api/dist/server.mjs' : 'apps/worker/dist/main.mjs'
  return [process.execPath, ['--enable-source-maps', `${ROOT}/${out}`]]
}

/** The API as its own process (production topology), ready when /health/ready says so. */
export async function startApi(
  databaseUrl: string,
  prefix: string,
  extra: Record<string, string> = {},
  from: 'build' | 'tsx' = 'build',
): Promise<{ address: string; child: ChildProcess }> {
  const port = await freePort()
  const [command, args] = program('api', from)
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.BENCH_REDIS_URL!,
      BULLMQ_PREFIX: prefix,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      PORT: String(port),
      RUN_WORKER_IN_PROCESS: 'false',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  // a benchmark that fails part-way must not leave its API running
  process.on('exit', () => child.kill('SIGTERM'))
  const address = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (
      await fetch(`${address}/health/ready`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break
    if (i > 300) throw new Error('the API did not start')
    await new Promise((r) => setTimeout(r, 200))
  }
  return { address, child }
}

export async function signIn(address: string, email: string) {
  const res = await fetch(`${address}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'hearth-demo-2026' }),
  })
  if (!res.ok) throw new Error(`sign-in failed for ${email}: ${res.status}`)
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!
  const me = await (await fetch(`${address}/api/auth/me`, { headers: { cookie } })).json()
  return {
    cookie,
    csrf: me.csrfToken as string,
    headers: { cookie, 'x-csrf-token': me.csrfToken as string, 'content-type': 'application/json' },
  }
}

/** Resident memory of a process and its children, from /proc (tsx runs the code in a child). */
export function rssMb(pid: number): number {
  const kids = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    } catch {
      return []
    }
  })()
  return [pid, ...kids].reduce((sum, p) => {
    try {
      return sum + Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024)
    } catch {
      return sum
    }
  }, 0)
}
