import { limit } from '@hearth/test-kit/time'
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const API = `${ROOT}apps/api/dist/server.mjs`

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** Keys in one order, so two documents built in different orders compare as equal. */
const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v

describe('the compiled build (apps/api/dist, made by npm test before the suite)', () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>
  let source: TestApp
  let child: ChildProcess
  let address: string

  beforeAll(async () => {
    if (!existsSync(API)) throw new Error('no compiled build: run `npm run build` (npm test does)')
    db = await freshPgDatabase(2)
    source = await makeTestApp(db.handle)
    const port = await freePort()
    child = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL: requireEnv('TEST_REDIS_URL'),
        BULLMQ_PREFIX: source.prefix,
        PORT: String(port),
        LOG_LEVEL: 'error',
        NODE_ENV: 'production',
        COOKIE_SECURE: 'false',
        RUN_WORKER_IN_PROCESS: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    address = `http://127.0.0.1:${port}`
    for (let i = 0; ; i++) {
      const ok = await fetch(`${address}/health/ready`)
        .then((r) => r.ok)
        .catch(() => false)
      if (ok) break
      if (child.exitCode !== null) throw new Error(`the compiled API exited (${child.exitCode})`)
      if (i > 300) throw new Error('the compiled API did not start')
      await new Promise((r) => setTimeout(r, 100))
    }
  }, limit(60_000))

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    await source?.close()
    await db?.drop()
  })

  it('serves the same API as the sources: every route, its schemas and words', async () => {
    const fromSource = (await source.app.inject({ url: '/docs/json' })).json()
    const res = await fetch(`${address}/docs/json`)
    expect(res.status).toBe(200)
    const fromBuild = await res.json()
    expect(Object.keys(fromBuild.paths).length).toBeGreaterThan(150)
    expect(Object.keys(fromBuild.paths).sort()).toEqual(Object.keys(fromSource.paths).sort())
    expect(sorted(fromBuild)).toEqual(sorted(fromSource))
  })

  it('finds the web app and the migrations from where it sits, and answers in Hearth’s shapes', async () => {
    const page = await fetch(`${address}/sign-in`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    // a route under a module's own prefix (autoPrefix) answers where the sources put it
    const me = await fetch(`${address}/api/auth/me`)
    expect(me.status).toBe(401)
    expect((await me.json()).error.code).toBe('unauthenticated')
    const bad = await fetch(`${address}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not an address' }),
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details.map((d: { field: string }) => d.field)).toContain('body.email')
  })
})
