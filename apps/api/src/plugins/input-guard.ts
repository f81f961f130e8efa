import fp from 'fastify-plugin'
import { AppError } from '../kernel/errors'

/** Deeper than any form Hearth has; deeper input is refused before anything walks it. */
const MAX_DEPTH = 32

/**
 * Input no route can use, refused for every route before validation with a 400 naming the field:
 * a NUL character in any text (PostgreSQL cannot store it, and it would fail as a 500 after the
 * request had been half-handled), and bodies nested deeper than any form.
 */
export function checkInput(where: string, value: unknown): void {
  const stack: [unknown, string, number][] = [[value, where, 0]]
  while (stack.length) {
    const [v, path, depth] = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        throw new AppError('validation_failed', 'Check the highlighted answers.', [
          { field: path, message: 'must not contain a NUL character', rule: 'invalid' },
        ])
      continue
    }
    if (v === null || typeof v !== 'object') continue
    if (depth >= MAX_DEPTH)
      throw new AppError('validation_failed', 'Check the highlighted answers.', [
        { field: path, message: `is nested more than ${MAX_DEPTH} levels deep`, rule: 'invalid' },
      ])
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000'))
        throw new AppError('validation_failed', 'Check the highlighted answers.', [
          { field: path, message: 'a field name must not contain a NUL character', rule: 'invalid' },
        ])
      stack.push([child, `${path}.${k}`, depth + 1])
    }
  }
}

export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      checkInput('params', request.params)
      checkInput('query', request.query)
      checkInput('body', request.body)
    })
  },
  { name: 'input-guard' },
)
