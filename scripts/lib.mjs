// Helpers for the two commands. Plain Node (no dependencies): they run before `pnpm install`.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, chownSync } from 'node:fs'
import net from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const PNPM_VERSION = '10.34.8'
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** @param {string} msg */
export function say(msg) {
  process.stdout.write(`hearth: ${msg}\n`)
}

/** @param {string} msg @returns {never} */
export function fail(msg) {
  process.stderr.write(`\nhearth: ${msg}\n\n`)
  process.exit(1)
}

/** @param {string} cmd @returns {string | null} */
export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`)
}

/** The pinned pnpm: on PATH if it is that version, otherwise installed under .hearth/tools with npm. */
export function ensurePnpm() {
  const onPath = which('pnpm')
  if (onPath) {
    const v = spawnSync(onPath, ['--version'], { encoding: 'utf8' }).stdout?.trim()
    if (v === PNPM_VERSION) return onPath
  }
  const local = join(ROOT, '.hearth/tools/node_modules/.bin/pnpm')
  if (existsSync(local)) return local
  say(`installing pnpm ${PNPM_VERSION} into .hearth/tools`)
  mkdirSync(join(ROOT, '.hearth/tools'), { recursive: true })
  run('npm', [
    'install',
    '--prefix',
    join(ROOT, '.hearth/tools'),
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${PNPM_VERSION}`,
  ])
  return local
}

/** pnpm install from the lockfile, skipped when the lockfile has not changed since the last install. */
/** @param {string} pnpm */
export function ensureDependencies(pnpm) {
  const lock = readFileSync(join(ROOT, 'pnpm-lock.yaml'))
  const hash = createHash('sha256').update(lock).digest('hex')
  const marker = join(ROOT, 'node_modules/.hearth-lock-hash')
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return
  say('installing dependencies (pnpm install --frozen-lockfile)')
  run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only'], { env: { ...process.env, CI: 'true' } })
  writeFileSync(marker, hash)
}

/** Installs Debian packages when root; otherwise stops with what to do. */
/** @param {string[]} packages @param {string} why */
export function aptInstall(packages, why) {
  if (packages.length === 0) return
  if (!isRoot || !which('apt-get')) {
    fail(
      `${why} needs ${packages.join(', ')}. Install ${packages.length > 1 ? 'them' : 'it'} (Debian: sudo apt-get install -y ${packages.join(' ')}) or see README.md for the variables to set instead.`,
    )
  }
  say(`installing Debian packages: ${packages.join(' ')} (${why})`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  run('apt-get', ['update', '-qq'], { env })
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env })
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address())
      srv.close(() => resolvePort(port))
    })
  })
}

/**
 * @param {() => Promise<boolean> | boolean} check
 * @param {{ timeoutMs?: number, intervalMs?: number, what?: string }} [opts]
 */
export async function waitFor(check, { timeoutMs = 30_000, intervalMs = 200, what = 'service' } = {}) {
  const deadline = Date.now() + timeoutMs
  /** @type {unknown} */
  let lastErr
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch (err) {
      lastErr = err
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error(
    `${what} did not become ready in ${timeoutMs} ms${lastErr instanceof Error ? `: ${lastErr.message}` : ''}`,
  )
}

/** @param {number} port @returns {Promise<boolean>} */
function redisPing(port) {
  return new Promise((res) => {
    const s = net.connect(port, '127.0.0.1')
    s.on('connect', () => s.write('PING\r\n'))
    s.on('data', (d) => {
      s.destroy()
      res(d.toString().startsWith('+PONG'))
    })
    s.on('error', () => res(false))
  })
}

/**
 * SIGTERM to a process this script started; resolves once it has exited (at once if it already has).
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function stopChild(child) {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res()
    child.once('exit', () => res())
    child.kill('SIGTERM')
  })
}

/**
 * A private redis-server on a free loopback port, child of this process; stop() ends it.
 * With `persist` (npm start) it keeps an append-only file in `dir`, so queued and retrying jobs
 * and the dead-letter list survive a restart; tests run without one.
 * @param {string} dir
 * @param {{ persist?: boolean }} [opts]
 */
export async function startPrivateRedis(dir, { persist = false } = {}) {
  mkdirSync(dir, { recursive: true })
  const bin = which('redis-server')
  if (!bin) throw new Error('redis-server is not installed')
  const port = await freePort()
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      persist ? 'yes' : 'no',
      '--appendfsync',
      'everysec',
      '--dir',
      dir,
      '--maxmemory-policy',
      'noeviction',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  await waitFor(() => redisPing(port), { what: 'redis-server', timeoutMs: 10_000 })
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
  }
}

/** A port free for a Redis Cluster node, with its bus port (port + 10000) free too. */
async function freeClusterPort() {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000)
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port
  }
}

/** @param {number} port */
function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

/**
 * A Redis Cluster on loopback for the cluster tier of the tests: three primaries and three
 * replicas (Debian's redis-server in cluster mode, a failed primary's replica taking over within
 * about two seconds), each in DIR/<port>. Returns a `redis-cluster://` address, each node's port
 * and pid, and stop().
 * @param {string} dir
 */
export async function startRedisCluster(dir) {
  const bin = which('redis-server')
  const cli = which('redis-cli')
  if (!bin || !cli) throw new Error('redis-server and redis-cli are not installed')
  /** @type {{ port: number, child: import('node:child_process').ChildProcess }[]} */
  const nodes = []
  for (let i = 0; i < 6; i++) {
    const port = await freeClusterPort()
    const nodeDir = join(dir, String(port))
    mkdirSync(nodeDir, { recursive: true })
    const child = spawn(
      bin,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        nodeDir,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-node-timeout',
        '1000',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    )
    nodes.push({ port, child })
  }
  for (const n of nodes) await waitFor(() => redisPing(n.port), { what: 'redis-server (cluster)', timeoutMs: 10_000 })
  const made = spawnSync(
    cli,
    ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes'],
    { encoding: 'utf8', timeout: 60_000 },
  )
  if (made.status !== 0) throw new Error(`redis-cli --cluster create failed: ${made.stderr || made.stdout}`)
  const ok = () => {
    const r = spawnSync(cli, ['-p', String(nodes[0].port), 'cluster', 'info'], { encoding: 'utf8' })
    return Promise.resolve(/cluster_state:ok/.test(r.stdout ?? ''))
  }
  await waitFor(ok, { what: 'the Redis Cluster', timeoutMs: 30_000 })
  return {
    url: `redis-cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`,
    ports: nodes.map((n) => n.port),
    stop: async () => {
      await Promise.all(nodes.map(({ child }) => stopChild(child)))
    },
  }
}

export function findPgBin() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? join(base, versions[0], 'bin') : null
}

/**
 * A throw-away PostgreSQL cluster in DIR on a free port (fsync off: test data only).
 * As root it runs as the `postgres` user, because PostgreSQL refuses to run as root.
 */
/** @param {string} dir */
export async function startThrowawayPostgres(dir) {
  const bin = findPgBin()
  if (!bin) throw new Error('PostgreSQL server binaries not found')
  mkdirSync(dir, { recursive: true })
  const asPg = isRoot
  if (asPg) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  /** @param {string} cmd @param {string[]} args */
  const exec = (cmd, args) => {
    const [file, argv] = asPg ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]
    const r = spawnSync(file, argv, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
  }
  const port = await freePort()
  exec(join(bin, 'initdb'), [
    '-D',
    join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  exec(join(bin, 'pg_ctl'), [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'postgres.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    'start',
  ])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () => {
      try {
        exec(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
      } catch {
        /* already stopped */
      }
    },
  }
}

/** True when any file under `srcDirs` is newer than `target`. */
/** @param {string} target @param {string[]} srcDirs */
export function isStale(target, srcDirs) {
  if (!existsSync(target)) return true
  const t = statSync(target).mtimeMs
  /** @param {string} d @returns {boolean} */
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue
      const p = join(d, entry.name)
      if (entry.isDirectory()) {
        if (walk(p)) return true
      } else if (statSync(p).mtimeMs > t) return true
    }
    return false
  }
  return srcDirs.some((d) => existsSync(d) && (statSync(d).isDirectory() ? walk(d) : statSync(d).mtimeMs > t))
}

/**
 * The compiled API and worker (scripts/build-server.mjs), built again when a source file or the
 * lockfile is newer than the build. Call after ensureDependencies (it needs esbuild).
 * @param {{ force?: boolean }} [opts]
 */
export async function buildServerIfStale({ force = false } = {}) {
  const { buildServer, OUTPUTS, SOURCES } = await import('./build-server.mjs')
  const sources = [...SOURCES, 'pnpm-lock.yaml'].map((s) => join(ROOT, s))
  const stale = Object.values(OUTPUTS).some((o) => isStale(join(ROOT, o.out), sources))
  if (!force && !stale) return
  say('building the API and the worker')
  const ms = await buildServer()
  say(`built the API and the worker in ${ms} ms`)
}

/** @param {string} pnpm @param {{ force?: boolean }} [opts] */
export function buildWeb(pnpm, { force = false } = {}) {
  const target = join(ROOT, 'apps/web/dist/index.html')
  const sources = [
    join(ROOT, 'apps/web/src'),
    join(ROOT, 'apps/web/index.html'),
    join(ROOT, 'packages/contracts/src'),
    join(ROOT, 'packages/domain/src'),
  ]
  if (!force && !isStale(target, sources)) return
  say('building the web app')
  run(pnpm, ['--filter', '@hearth/web', 'run', 'build'])
}
