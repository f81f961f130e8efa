import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isUnreachable } from '@hearth/db/fleet'
import { safeErrorText } from '@hearth/db/safe-error'
import { AppError, type FieldProblem } from '../kernel/errors'

interface PgLikeError {
  code?: string
  constraint?: string
  cause?: PgLikeError
}

function pgCode(err: unknown): PgLikeError | null {
  let e = err as PgLikeError | undefined
  for (let i = 0; e && i < 3; i++, e = e.cause) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e
  }
  return null
}

interface IssueParams {
  /** A custom (refine) issue's own params. */
  params?: { format?: string }
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  format?: string
}

/** The kind of problem behind a zod issue, for screens to word it from the field's label. */
function ruleOf(code: string, p: IssueParams, message: string): Omit<FieldProblem, 'field' | 'message'> {
  const min = p.minimum === undefined ? undefined : Number(p.minimum)
  const max = p.maximum === undefined ? undefined : Number(p.maximum)
  const numeric = p.origin === 'number' || p.origin === 'int' || p.origin === 'bigint'
  switch (code) {
    case 'invalid_type':
      return /required|received undefined|received null/.test(message) ? { rule: 'required' } : { rule: 'invalid' }
    case 'too_small':
      if ((p.origin === 'string' || p.origin === 'array' || p.origin === 'set') && (min ?? 0) <= 1)
        return { rule: 'required' }
      if (p.origin === 'string') return { rule: 'too_short', limit: min }
      if (p.origin === 'array') return { rule: 'too_few', limit: min }
      return numeric ? { rule: 'too_small', limit: min } : { rule: 'invalid' }
    case 'too_big':
      if (p.origin === 'string') return { rule: 'too_long', limit: max }
      if (p.origin === 'array') return { rule: 'too_many', limit: max }
      return numeric ? { rule: 'too_big', limit: max } : { rule: 'invalid' }
    case 'invalid_format':
      return { rule: 'format', format: p.format }
    case 'invalid_value':
      return { rule: 'choice' }
    case 'custom': {
      // Hearth's own checks that are about format say so (`.refine(…, { params: { format } })`)
      const format = p.params?.format
      return format ? { rule: 'format', format } : { rule: 'invalid' }
    }
    default:
      return { rule: 'invalid' }
  }
}

/**
 * One error shape for every failure: { error: { code, message, details, requestId } }.
 * Database and internal errors never reach the client; the request id links a report to the log.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err, request, reply) => {
      const requestId = request.id
      if (hasZodFastifySchemaValidationErrors(err)) {
        const context = (err as { validationContext?: string }).validationContext ?? 'body'
        const where = context === 'querystring' ? 'query' : context
        const details: FieldProblem[] = err.validation.map((v) => ({
          field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'is not valid',
          ...ruleOf(v.keyword, v.params as IssueParams, v.message ?? ''),
        }))
        return reply.code(400).send({
          error: { code: 'validation_failed', message: 'Check the highlighted answers.', details, requestId },
        })
      }
      if (err instanceof AppError) {
        if (err.logMessage) request.log.warn({ code: err.code }, err.logMessage)
        return reply
          .code(err.status)
          .send({ error: { code: err.code, message: err.message, details: err.details, requestId } })
      }
      const pg = pgCode(err)
      if (pg?.code === '23505') {
        return reply.code(409).send({
          error: {
            code: 'conflict',
            message: 'That would duplicate a record that already exists.',
            requestId,
            // never the constraint's name: it says how the database is built, not what to change
          },
        })
      }
      if (pg?.code === '23503') {
        return reply
          .code(409)
          .send({ error: { code: 'conflict', message: 'That refers to a record that does not exist.', requestId } })
      }
      if (isUnreachable(err)) {
        // one database server down takes only its councils: the others are served as ever
        request.log.error({ code: 'database_unreachable' }, 'a database server cannot be reached')
        return reply
          .code(503)
          .header('retry-after', '30')
          .send({
            error: {
              code: 'unavailable',
              message:
                'Hearth cannot reach your council’s records just now. Nothing was saved: try again in a few minutes.',
              requestId,
            },
          })
      }
      if (pg?.code === 'HM503') {
        // the council is being moved to another database server: nothing was written; the same
        // request in a moment goes to the new server
        return reply
          .code(503)
          .header('retry-after', '1')
          .send({
            error: {
              code: 'council_moving',
              message: 'Hearth is moving your council’s records. Nothing was saved: try again in a moment.',
              requestId,
            },
          })
      }
      const status = (err as { statusCode?: number }).statusCode
      if (status && status >= 400 && status < 500) {
        // Fastify's own client errors (bad JSON, body too large, wrong content type).
        return reply.code(status).send({ error: { code: 'bad_request', message: (err as Error).message, requestId } })
      }
      // never the error itself: a failed query's message carries its parameters (personal data)
      request.log.error({ error: safeErrorText(err), name: (err as Error).name }, 'unhandled error')
      return reply.code(500).send({
        error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.', requestId },
      })
    })
  },
  { name: 'error-handler' },
)
