import { describe, expect, it } from 'vitest'
import { contactShare, FULL_TIME_PATTERN, workingMinutes } from '../src/contact-time'
import { holidaySet } from '../src/working-days'

/** Hand-counted: weeks around the August 2026 bank holiday (Monday 31 August). */
const none = new Set<string>()
const holidays = holidaySet()

describe('direct-contact time', () => {
  it('a full-time week: 37 hours; with the bank holiday Monday, 29 h 36 min', () => {
    expect(workingMinutes(FULL_TIME_PATTERN, '2026-08-24', holidays, none)).toBe(5 * 444)
    expect(workingMinutes(FULL_TIME_PATTERN, '2026-08-31', holidays, none)).toBe(4 * 444)
  })

  it('part time, three days (Tuesday to Thursday, 7 h 30 min): 22 h 30 min; the bank holiday Monday changes nothing', () => {
    const partTime = [0, 450, 450, 450, 0, 0, 0]
    expect(workingMinutes(partTime, '2026-08-31', holidays, none)).toBe(1350)
  })

  it('a week of leave is no working week: the share is a dash, not 0 %', () => {
    const leave = new Set(['2026-08-24', '2026-08-25', '2026-08-26', '2026-08-27', '2026-08-28'])
    const working = workingMinutes(FULL_TIME_PATTERN, '2026-08-24', holidays, leave)
    expect(working).toBe(0)
    expect(contactShare(0, working)).toBeNull()
  })

  it('the share: 555 minutes with families in a full week is 25 %; 355 is 16 %', () => {
    expect(contactShare(555, 2220)).toBe(0.25)
    expect(Math.round(contactShare(355, 2220)! * 100)).toBe(16)
    // two days' leave in a part-time week: the share is of the hours actually worked
    const partTime = [0, 450, 450, 450, 0, 0, 0]
    const worked = workingMinutes(partTime, '2026-08-24', holidays, new Set(['2026-08-25', '2026-08-26']))
    expect(worked).toBe(450)
    expect(contactShare(90, worked)).toBe(0.2)
  })
})
