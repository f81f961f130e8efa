interface ErrorLike {
  name?: string
  message?: string
  code?: string
  constraint?: string
  cause?: unknown
}

/**
 * What an error may say in a log line or a job's failure reason: never personal data. A database
 * error is its SQLSTATE and constraint name (drizzle's own message carries the query's parameters,
 * a child's name among them); anything else keeps its message, which Hearth's code writes.
 */
export function safeErrorText(err: unknown): string {
  let e = err as ErrorLike | undefined
  for (let i = 0; e && i < 4; i++, e = e.cause as ErrorLike | undefined) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return `database error ${e.code}${e.constraint ? ` (${e.constraint})` : ''}`
  }
  const top = err as ErrorLike | undefined
  const message = String(top?.message ?? top ?? 'unknown error')
  if (top?.name === 'DrizzleQueryError' || /^Failed query/.test(message)) return 'database error'
  return message.slice(0, 200)
}
