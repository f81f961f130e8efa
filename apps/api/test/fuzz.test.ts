import { limit } from '@hearth/test-kit/time'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type Session, signInAs, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'

/**
 * #18: a fuzz test driven by the OpenAPI document. Every operation, as every role and signed
 * out, gets malformed params, queries and bodies: NUL bytes, lone surrogates, huge numbers,
 * extreme dates, deep nesting, prototype keys. Whatever arrives, the answer is never a 5xx, every
 * 4xx is in Hearth's one error shape, and nothing hangs.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
const sessions = new Map<string, Session | null>()

const DEMO = {
  administrator: 'admin',
  practitioner: 'practitioner',
  referral_officer: 'referrals',
  enabler: 'enabler',
  insight_adviser: 'insight',
  strategy_member: 'strategy',
}
/** Cases for each operation × identity allowed to call it, and × each refused one. */
const RUNS = 16
const RUNS_REFUSED = 2
/** Ids of real records (council A), so some params reach the handler's own checks. */
const realIds: string[] = []
/** Operations that end the caller's own session: fuzzed signed out only. */
const ENDS_SESSION = new Set(['POST /api/auth/sign-out'])

beforeAll(async () => {
  dbx = await freshPgDatabase()
  await seedTwoCouncils(dbx.handle, 2)
  t = await makeTestApp(dbx.handle)
  for (const table of ['families', 'children', 'referrals', 'teams', 'people', 'patches', 'offers']) {
    const res = (await dbx.handle.db.execute(
      sql.raw(`select id from ${table} where council_id = (select id from councils order by name limit 1) limit 2`),
    )) as unknown as { rows: { id: string }[] }
    realIds.push(...res.rows.map((r) => r.id))
  }
  sessions.set('signed out', null)
  for (const [role, local] of Object.entries(DEMO)) {
    sessions.set(role, await signInAs(t.app, `${local}@northmoor.example`))
  }
}, limit(60_000))
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const NASTY_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  '-271821-04-20',
  '__proto__',
  'constructor',
  'prototype',
  '1e308',
  '-1',
  'NaN',
  "'; drop table families; --",
  '<script>alert(1)</script>',
  '%00',
  '../../etc/passwd',
  '',
  ' ',
  '00000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
]
const NASTY_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 9_999_999_999_999, 1.5, -0, 0, -1, 2 ** 31]

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const nastyNumber = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }))
const deep = (n: number, leaf: unknown): unknown => {
  let v = leaf
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v }
  return v
}
const nastyLeaf = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null))
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyLeaf },
  { weight: 1, arbitrary: fc.array(nastyLeaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 60 }).map((n) => deep(n, 'x')) },
  {
    weight: 1,
    arbitrary: nastyLeaf.map((v) =>
      JSON.parse(`{"__proto__":{"polluted":${JSON.stringify(v ?? null)}},"constructor":{"prototype":1}}`),
    ),
  },
)

interface Operation {
  method: string
  /** The OpenAPI path, `{id}` style. */
  path: string
  params: string[]
  query: string[]
  bodyProps: string[]
}

function operations(doc: {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>>
}) {
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? []
      const schema = (
        op.requestBody as
          | { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
          | undefined
      )?.content?.['application/json']?.schema
      ops.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys(schema?.properties ?? {}),
      })
    }
  }
  return ops
}

/** One malformed request for an operation: its params, query and body, each possibly nasty. */
const caseFor = (op: Operation) =>
  fc.record({
    params: fc.tuple(...op.params.map(() => fc.oneof(nastyString, fc.constantFrom(...realIds)))),
    query: fc.dictionary(fc.constantFrom(...(op.query.length ? op.query : ['q'])), nastyValue, { maxKeys: 3 }),
    body: op.bodyProps.length
      ? fc.oneof(
          fc.dictionary(fc.constantFrom(...op.bodyProps), nastyValue, { maxKeys: op.bodyProps.length }),
          nastyValue,
        )
      : fc.option(nastyValue, { nil: undefined }),
  })

function urlFor(op: Operation, params: string[], query: Record<string, unknown>): string {
  let url = op.path
  op.params.forEach((name, i) => {
    url = url.replace(`{${name}}`, encodeURIComponent(params[i] || 'x'))
  })
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&')
  return qs ? `${url}?${qs}` : url
}

const stats = { operations: 0, identities: 0, requests: 0, byStatus: new Map<number, number>() }

describe('fuzzing every operation in the OpenAPI document', () => {
  it(
    'never answers 5xx, always in the one error shape, and never hangs',
    async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json()
      const ops = operations(doc).filter((op) => op.path !== '/api/events') // a stream: never ends by design
      expect(ops.length).toBeGreaterThan(100)
      stats.operations = ops.length
      stats.identities = sessions.size
      const problems: string[] = []
      const accessOf = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access]))
      for (const op of ops) {
        const access = accessOf.get(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`)
        for (const [who, session] of sessions) {
          if (session && ENDS_SESSION.has(`${op.method} ${op.path}`)) continue
          const allowed =
            access === 'public' ||
            (!!session && (access === 'signed_in' || (Array.isArray(access) && access.includes(who as never))))
          await fc
            .assert(
              fc.asyncProperty(caseFor(op), async (c) => {
                const url = urlFor(op, c.params, c.query)
                const headers: Record<string, string> = {}
                if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf })
                const payload = c.body === undefined || op.method === 'GET' ? undefined : JSON.stringify(c.body)
                if (payload !== undefined) headers['content-type'] = 'application/json'
                const answer = t.app.inject({ method: op.method as 'GET', url, headers, payload })
                const res = await Promise.race([
                  answer,
                  new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000).unref()),
                ])
                stats.requests++
                const where = `${op.method} ${op.path} as ${who}: ${url.slice(0, 120)} ${(payload ?? '').slice(0, 120)}`
                if (!res) {
                  problems.push(`hung: ${where}`)
                  return false
                }
                stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1)
                if (res.statusCode >= 500) {
                  problems.push(`${res.statusCode}: ${where} → ${res.body.slice(0, 200)}`)
                  return false
                }
                if (res.statusCode >= 400) {
                  let body: { error?: { code?: unknown; message?: unknown } } | null = null
                  try {
                    body = res.json()
                  } catch {
                    /* not JSON */
                  }
                  if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') {
                    problems.push(`not the error shape (${res.statusCode}): ${where} → ${res.body.slice(0, 200)}`)
                    return false
                  }
                }
                return true
              }),
              {
                numRuns: allowed ? RUNS : RUNS_REFUSED,
                seed: Number(process.env.FUZZ_SEED ?? 20261130),
                endOnFailure: true,
              },
            )
            .catch(() => {
              /* recorded in problems, with the smallest case fast-check found */
            })
        }
      }
      expect(problems).toEqual([])
    },
    limit(600_000),
  )

  it('a body that is not JSON, too large, or of another type, is a 4xx in the one shape', async () => {
    const officer = sessions.get('referral_officer')!
    const send = (payload: string, type: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/families',
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': type },
        payload,
      })
    for (const [payload, type] of [
      ['{', 'application/json'],
      ['null', 'application/json'],
      ['"just a string"', 'application/json'],
      [`{"name":"${'x'.repeat(2_000_000)}"}`, 'application/json'],
      ['name=x', 'application/x-www-form-urlencoded'],
      ['<family/>', 'text/xml'],
      ['{"name":"\ud800"}', 'application/json'],
    ] as const) {
      const res = await send(payload, type)
      expect(res.statusCode, `${type} ${payload.slice(0, 30)}`).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, `${type} ${payload.slice(0, 30)}`).toBeLessThan(500)
      expect(typeof res.json().error.code, `${type} ${payload.slice(0, 30)}`).toBe('string')
    }
  })

  it('reports its figures', () => {
    const codes = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([c, n]) => `${c}×${n}`)
    console.info(
      `fuzz: ${stats.operations} operations × ${stats.identities} identities ` +
        `(${RUNS} cases each where allowed, ${RUNS_REFUSED} where refused) = ` +
        `${stats.requests} requests; answers ${codes.join(', ')}`,
    )
    expect(stats.requests).toBeGreaterThan(stats.operations * 4)
    expect([...stats.byStatus.keys()].every((c) => c < 500)).toBe(true)
  })
})
