import type { Me } from '@hearth/contracts/auth'
import type { ErrorBody } from '@hearth/contracts/common'

export interface FieldProblem {
  field: string
  message: string
  /** What kind of problem (required, too_long, format …): screens word it from the field's label. */
  rule?: string
  limit?: number
  format?: string
  /** The census rules behind a statutory step's problem, for the data team ("8820"). */
  census?: string
  /** Something the form can offer to put it right (a statutory step to record first). */
  offer?: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message)
  }
  /** The problem for one form field, matched on the end of its path ("body.email" → "email"). */
  forField(name: string): string | undefined {
    return this.details.find((d) => d.field === `body.${name}` || d.field.endsWith(`.${name}`) || d.field === name)
      ?.message
  }
}

let csrfToken: string | null = null
export function setCsrfToken(token: string | null) {
  csrfToken = token
}

/** A random key (also where crypto.randomUUID is missing: pages not served over HTTPS). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The Idempotency-Key of each change in flight or not yet answered, by what it sends: a double
 * click, or the same form sent again after a dropped connection, carries the same key, so the
 * server makes one change and gives both the same answer. Once answered, the next identical
 * change (a second visit on purpose) gets a new key.
 */
const pendingKeys = new Map<string, string>()

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders }
  const payload = body === undefined ? undefined : JSON.stringify(body)
  if (payload !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  const change = method !== 'GET' ? `${method} ${path} ${payload ?? ''}` : null
  if (change && !headers['idempotency-key']) {
    const key = pendingKeys.get(change) ?? newKey()
    pendingKeys.set(change, key)
    headers['idempotency-key'] = key
  }
  // no answer at all (fetch throws): the key stays, so sending the same again cannot make it twice
  let res: Response
  let data: unknown
  // a council being moved to another database server answers 503 "council_moving" for a second
  // or two, having saved nothing: the same request (same key) is sent again, and the person never
  // sees it unless the move takes longer than half a minute
  for (let attempt = 1; ; attempt++) {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' })
    const text = await res.text()
    data = text ? JSON.parse(text) : null
    const moving = res.status === 503 && (data as ErrorBody | null)?.error?.code === 'council_moving'
    if (!moving || attempt >= 30) break
    const after = res.headers.get('retry-after')
    const wait = after === null ? 1 : Math.min(5, Math.max(0, Number(after) || 0))
    await new Promise((resolve) => setTimeout(resolve, wait * 1000))
  }
  if (change && res.status < 500) pendingKeys.delete(change)
  if (!res.ok) {
    const e = (data as ErrorBody | null)?.error
    throw new ApiError(
      res.status,
      e?.code ?? 'error',
      e?.message ?? `The request failed (${res.status}).`,
      e?.details ?? [],
    )
  }
  return data as T
}

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/auth/me')
    setCsrfToken(me.csrfToken)
    return me
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}
