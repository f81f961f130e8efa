export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  over_cap: 409,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

/**
 * What kind of problem, so a screen can word it from the field's own label ("Enter the postcode",
 * "Cost per week must be £1 or more") instead of showing schema text.
 */
export type ProblemRule =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'too_few'
  | 'too_many'
  | 'format'
  | 'choice'
  | 'invalid'

export interface FieldProblem {
  field: string
  message: string
  rule?: ProblemRule
  /** The bound broken (characters, a number, items), for too_short … too_many. */
  limit?: number
  /** For `format`: email, datetime, date, uuid, regex … */
  format?: string
  /** The census rules behind a statutory step's problem, for the data team ("8820"). */
  census?: string
  /** Something the form can offer to put it right (a statutory step to record first). */
  offer?: string
}

/**
 * The one error class. `message` is shown to the user in plain English; `logMessage`
 * (optional) goes to the log only.
 */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
    readonly logMessage?: string,
  ) {
    super(message)
    this.status = ERROR_STATUS[code]
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `We could not find that ${what}.`)
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', 'Check the highlighted answers.', [{ field, message }])
