import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError } from '../src/api'

/** The web app's one way to the API: a council being moved is waited for, never shown. */
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const moving = () =>
  answer(503, { error: { code: 'council_moving', message: 'moving', requestId: 'r' } }, { 'retry-after': '0' })

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('api()', () => {
  it('sends a change again, with the same key, while the council is being moved', async () => {
    const calls: RequestInit[] = []
    const replies = [moving(), moving(), answer(201, { id: 'v1' })]
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push(init)
      return replies.shift()!
    })
    const made = await api<{ id: string }>('POST', '/api/families/f/visits', { kind: 'office' })
    expect(made).toEqual({ id: 'v1' })
    expect(calls).toHaveLength(3)
    const keys = calls.map((c) => (c.headers as Record<string, string>)['idempotency-key'])
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/)
  })

  it('any other 503 is shown at once, as is a refusal', async () => {
    let n = 0
    vi.stubGlobal('fetch', async () => {
      n++
      return answer(503, { error: { code: 'unavailable', message: 'Cannot reach it', requestId: 'r' } })
    })
    await expect(api('GET', '/api/me/day')).rejects.toMatchObject({ status: 503, code: 'unavailable' })
    expect(n).toBe(1)
    vi.stubGlobal('fetch', async () => answer(404, { error: { code: 'not_found', message: 'No', requestId: 'r' } }))
    await expect(api('GET', '/api/families/x')).rejects.toBeInstanceOf(ApiError)
  })

  it('gives up after half a minute of moving, and says so', async () => {
    let n = 0
    vi.stubGlobal('fetch', async () => {
      n++
      return moving()
    })
    await expect(api('GET', '/api/me/day')).rejects.toMatchObject({ status: 503, code: 'council_moving' })
    expect(n).toBe(30)
  })
})
