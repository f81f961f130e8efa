import { describe, expect, it } from 'vitest'
import { changedFields, type PlanItemFacts, planItemOverdue, statusChange } from '../src/plan'

describe('the family’s plan, its rules', () => {
  it('done needs no reason; not done and to do again do; the same status is no change', () => {
    expect(statusChange('to_do', 'done', null)).toEqual({ kind: 'done' })
    expect(statusChange('to_do', 'not_done', null)).toEqual({
      field: 'body.reason',
      message: 'say why it was not done',
    })
    expect(statusChange('to_do', 'not_done', 'Mum was in hospital')).toEqual({ kind: 'not_done' })
    expect(statusChange('done', 'to_do', null)).toMatchObject({ field: 'body.reason' })
    expect(statusChange('done', 'to_do', 'It stopped again')).toEqual({ kind: 'reopened' })
    expect(statusChange('done', 'done', 'again')).toMatchObject({ field: 'body.status' })
  })

  it('names the fields a change alters, treating missing and empty alike', () => {
    const before: PlanItemFacts = {
      what: 'Walk to school',
      whoKind: 'family',
      whoId: 'a',
      whoName: null,
      byDate: '2027-01-15',
      status: 'to_do',
    }
    expect(changedFields(before, { ...before })).toEqual([])
    expect(changedFields(before, { ...before, byDate: null, whoKind: 'network', whoId: null, whoName: 'Nan' })).toEqual(
      ['whoKind', 'whoId', 'whoName', 'byDate'],
    )
  })

  it('is overdue only when still to do and past its date (the date itself is not late)', () => {
    expect(planItemOverdue({ status: 'to_do', byDate: '2027-01-15' }, '2027-01-15')).toBe(false)
    expect(planItemOverdue({ status: 'to_do', byDate: '2027-01-15' }, '2027-01-16')).toBe(true)
    expect(planItemOverdue({ status: 'done', byDate: '2027-01-15' }, '2027-02-01')).toBe(false)
    expect(planItemOverdue({ status: 'to_do', byDate: null }, '2099-01-01')).toBe(false)
  })
})
