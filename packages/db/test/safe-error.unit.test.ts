import { describe, expect, it } from 'vitest'
import { safeErrorText } from '../src/safe-error'

describe('what an error may say in a log or a job failure', () => {
  it('a failed query says its code and constraint, never its parameters', () => {
    const pg = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })
    const drizzle = Object.assign(
      new Error('Failed query: insert into children … params: Juniper,Oakhollow,2018-03-08,9434765919'),
      { name: 'DrizzleQueryError', cause: pg },
    )
    expect(safeErrorText(drizzle)).toBe('database error 22021')
    const unique = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'people_council_email_uq' })
    expect(safeErrorText(new Error('Failed query: … params: x@y.example', { cause: unique }))).toBe(
      'database error 23505 (people_council_email_uq)',
    )
    const bare = new Error('Failed query: select … params: Juniper Oakhollow')
    expect(safeErrorText(bare)).toBe('database error')
    for (const text of [safeErrorText(drizzle), safeErrorText(bare)]) {
      expect(text).not.toMatch(/Juniper|Oakhollow|9434765919|2018-03-08/)
    }
  })
  it('Hearth’s own messages are kept', () => {
    expect(safeErrorText(new Error('unknown job x.y'))).toBe('unknown job x.y')
  })
})
