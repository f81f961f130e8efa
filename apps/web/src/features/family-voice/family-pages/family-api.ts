/**
 * The family's pages talk to the API with their link (never a cookie): the token from the
 * address's `#`, kept for this tab only, and the short code once it is right.
 */
const TOKEN_KEY = 'hearth-family-link'
const CODE_KEY = 'hearth-family-code'

export function takeToken(): string {
  const fromHash = window.location.hash.slice(1)
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    // out of the address bar (and so out of history and anyone's sight)
    window.history.replaceState(null, '', window.location.pathname)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

export const rememberCode = (code: string) => sessionStorage.setItem(CODE_KEY, code)
const code = () => sessionStorage.getItem(CODE_KEY)

export class FamilyApiError extends Error {
  constructor(
    readonly status: number,
    readonly details: { field: string; rule?: string }[] = [],
  ) {
    super(`status ${status}`)
  }
}

/**
 * The Idempotency-Key of each message not yet answered, by what it says: sent again after a lost
 * connection or a second tap, it is one message, not two complaints.
 */
const pendingKeys = new Map<string, string>()
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')

export async function familyApi<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-family-link': token }
  const c = code()
  if (c) headers['x-family-link-code'] = c
  const payload = body === undefined ? undefined : JSON.stringify(body)
  if (payload !== undefined) headers['content-type'] = 'application/json'
  const change = method === 'POST' ? `${path} ${payload ?? ''}` : null
  if (change) {
    const key = pendingKeys.get(change) ?? newKey()
    pendingKeys.set(change, key)
    headers['idempotency-key'] = key
  }
  // no answer at all (fetch throws): the key stays for the same message sent again
  const res = await fetch(path, { method, headers, body: payload })
  if (change) pendingKeys.delete(change)
  if (!res.ok) {
    let details: { field: string; rule?: string }[] = []
    try {
      details = ((await res.json()) as { error?: { details?: typeof details } }).error?.details ?? []
    } catch {
      /* not JSON */
    }
    throw new FamilyApiError(res.status, details)
  }
  return (await res.json()) as T
}
