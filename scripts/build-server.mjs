// The compiled build: the API (apps/api/dist/server.mjs) and the stand-alone worker
// (apps/worker/dist/main.mjs) as plain JavaScript, so production runs `node`, not `tsx`.
// `npm run build` runs it; `npm start` runs it when a source file is newer than the build.
//
// Hearth's own packages are bundled in; every library stays outside, imported from the very file
// the source would load (resolved here, written relative to the output, so the tree can move).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** @typedef {'routes' | 'handlers' | 'taskRules' | 'chronology'} Kind */
/**
 * The files the loaders would find in their folders at run time (see packages/discovery).
 * @type {Record<Kind, { dir: string, pattern: RegExp }>}
 */
const KINDS = {
  routes: { dir: 'apps/api/src/modules', pattern: /(^|[/\\.])routes\.(ts|js)$/ },
  handlers: { dir: 'apps/worker/src/jobs', pattern: /\.handler\.(ts|js)$/ },
  taskRules: { dir: 'apps/worker/src/jobs', pattern: /\.tasks\.(ts|js)$/ },
  chronology: { dir: 'apps/api/src/modules', pattern: /\.chronology\.(ts|js)$/ },
}

/** @type {Record<'api' | 'worker', { entry: string, out: string, kinds: Kind[] }>} */
export const OUTPUTS = {
  api: {
    entry: 'apps/api/src/server.ts',
    out: 'apps/api/dist/server.mjs',
    kinds: ['routes', 'handlers', 'taskRules', 'chronology'],
  },
  worker: { entry: 'apps/worker/src/main.ts', out: 'apps/worker/dist/main.mjs', kinds: ['handlers', 'taskRules'] },
}

/** What the build reads: a file here newer than the build means building again. */
export const SOURCES = ['apps/api/src', 'apps/worker/src', 'packages', 'scripts/build-server.mjs']

/** @param {Kind} kind */
function filesOf(kind) {
  const { dir, pattern } = KINDS[kind]
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.includes('node_modules'))
    .map((f) => f.split(sep).join('/'))
    .sort()
}

/**
 * The entry: leave every module the loaders want on globalThis, then start the program.
 * @param {'api' | 'worker'} target
 */
function entryFor(target) {
  const { entry, kinds } = OUTPUTS[target]
  const lines = []
  const registry = []
  let n = 0
  for (const kind of kinds) {
    const items = []
    for (const file of filesOf(kind)) {
      const name = `m${n++}`
      lines.push(`import * as ${name} from ${JSON.stringify(join(ROOT, KINDS[kind].dir, file))}`)
      items.push(`[${JSON.stringify(file)}, ${name}]`)
    }
    registry.push(`${kind}: [${items.join(', ')}]`)
  }
  // a module of its own, evaluated before the program's first line
  const setup = `${lines.join('\n')}\nglobalThis.__hearthBundled = { ${registry.join(', ')} }\n`
  return { setup, main: `import 'hearth:registry'\nimport ${JSON.stringify(join(ROOT, entry))}\n` }
}

/**
 * Libraries stay outside the bundle, imported by the path the source's own import resolves to.
 * @param {string} outDir
 * @returns {import('esbuild').Plugin}
 */
function librariesOutside(outDir) {
  return {
    name: 'libraries-outside',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.inner || args.path.startsWith('node:') || args.path.startsWith('@hearth/')) return
        const found = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { inner: true },
        })
        if (found.errors.length) return { errors: found.errors }
        if (!found.path || found.external) return { path: args.path, external: true }
        let rel = relative(outDir, found.path).split(sep).join('/')
        if (!rel.startsWith('.')) rel = `./${rel}`
        return { path: rel, external: true }
      })
      // a file that resolves things from where it sits keeps its own place, not the bundle's
      b.onLoad({ filter: /[/\\](apps|packages)[/\\].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8')
        if (!text.includes('createRequire(import.meta.url)')) return
        const rel = relative(outDir, args.path).split(sep).join('/')
        return {
          contents: text.replaceAll(
            'createRequire(import.meta.url)',
            `createRequire(new URL(${JSON.stringify(rel)}, import.meta.url))`,
          ),
          loader: 'ts',
          resolveDir: dirname(args.path),
        }
      })
    },
  }
}

/** @param {'api' | 'worker'} target */
async function buildOne(target) {
  const { setup, main } = entryFor(target)
  const outfile = join(ROOT, OUTPUTS[target].out)
  const outDir = dirname(outfile)
  await build({
    stdin: { contents: main, resolveDir: ROOT, sourcefile: `hearth-${target}-entry.js`, loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // the API reads files beside its source (the web app, migrations): same depth, same answers
    plugins: [
      {
        name: 'hearth-registry',
        setup(b) {
          b.onResolve({ filter: /^hearth:registry$/ }, () => ({ path: 'registry', namespace: 'hearth' }))
          b.onLoad({ filter: /.*/, namespace: 'hearth' }, () => ({ contents: setup, resolveDir: ROOT, loader: 'js' }))
        },
      },
      librariesOutside(outDir),
    ],
  })
}

/** Builds both; returns how long it took in ms. */
export async function buildServer() {
  const started = Date.now()
  await Promise.all([buildOne('api'), buildOne('worker')])
  return Date.now() - started
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ms = await buildServer()
  process.stdout.write(`built ${OUTPUTS.api.out} and ${OUTPUTS.worker.out} in ${ms} ms\n`)
}
