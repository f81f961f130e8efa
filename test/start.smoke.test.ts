import { limit } from '@hearth/test-kit/time'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1')
    s.on('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })
}

describe('npm start', () => {
  it(
    'on a fresh data directory: PGlite, its own Redis, demo council, prints the URL, serves sign-in; Ctrl-C stops all of it',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hearth-start-'))
      const port = await freePort()
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HEARTH_DATA_DIR: join(dataDir, 'pgdata') }
      delete env.DATABASE_URL
      delete env.REDIS_URL
      const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      try {
        const deadline = Date.now() + limit(150_000)
        while (!out.includes('Press Ctrl-C to stop.')) {
          if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`)
          if (Date.now() > deadline) throw new Error(`npm start did not finish starting:\n${out}`)
          await new Promise((r) => setTimeout(r, 250))
        }
        expect(out).toContain(`Hearth is running at http://127.0.0.1:${port}`)
        expect(out).toContain('admin@northmoor.example')
        expect(out).toContain('embedded PostgreSQL (PGlite)')
        const redisPort = Number(/private redis-server on 127\.0\.0\.1:(\d+)/.exec(out)?.[1])
        expect(redisPort).toBeGreaterThan(0)

        const ready = await fetch(`http://127.0.0.1:${port}/health/ready`)
        expect(ready.status).toBe(200)
        expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } })
        const page = await fetch(`http://127.0.0.1:${port}/sign-in`, { headers: { accept: 'text/html' } })
        expect(page.status).toBe(200)
        expect(await page.text()).toContain('<div id="root">')
        const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@northmoor.example', password: 'hearth-demo-2026' }),
        })
        expect(signIn.status).toBe(200)
        // no personal data in the info-level log: the demo names never appear
        expect(out).not.toMatch(/Quillfeather|Brightwater|Priya/)

        child.kill('SIGINT')
        await new Promise((r) => child.once('exit', r))
        expect(child.exitCode).toBe(0)
        expect(await portOpen(port)).toBe(false)
        expect(await portOpen(redisPort)).toBe(false)
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL')
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
    limit(180_000),
  )
})
