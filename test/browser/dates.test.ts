import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, fillDateTime, signInPage } from '@hearth/test-kit/browser'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

/** #19 finding 5: dates the UK way, and a visit booked in the past is a question, not a letter. */
let stage: BrowserStage

beforeAll(async () => {
  stage = await browserStage('{browser-dates}')
})
afterAll(async () => {
  await stage?.close()
})

/** A datetime-local value for a moment relative to now, in the browser's own zone. */
function localInput(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

describe('in Chromium: dates', () => {
  it('a date of birth in day, month and year boxes: a date that does not exist is refused in words', async () => {
    const p = await signInPage(stage.first.context, stage.server.url, 'practitioner@northmoor.example')
    await p.goto(`${stage.server.url}/families/${stage.family.id}`)
    await p.getByText('Add a child', { exact: true }).click()
    await p.getByLabel('First name', { exact: true }).fill('Wren')
    const dob = p.getByRole('group', { name: 'Date of birth', exact: true })
    await dob.getByLabel('Day').fill('31')
    await dob.getByLabel('Month').fill('2')
    await dob.getByLabel('Year').fill('2019')
    await p.getByRole('button', { name: 'Add child' }).click()
    const link = p.locator('.govuk-error-summary').getByRole('link', { name: /date of birth/i })
    await link.waitFor()
    expect(await link.textContent()).toBe('Enter date of birth as a real date')
    await link.click()
    // the summary's link reaches the day box
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('dateOfBirth-day')
    await dob.getByLabel('Day').fill('28')
    await p.getByRole('button', { name: 'Add child' }).click()
    await p.getByText(/Wren .*born 28 February 2019/).waitFor()
    expect(await axeViolations(p)).toEqual([])
    await p.close()
  })

  it('booking a visit at a time that has passed asks first; "yes" records it, with nothing sent', async () => {
    const p = await stage.first.context.newPage() // still signed in from the test above
    await p.goto(`${stage.server.url}/families/${stage.family.id}`)
    await p.getByText('Book a visit or meeting', { exact: true }).click()
    await fillDateTime(p, 'When', localInput(-26 * 3600_000))
    await p.getByLabel('Where', { exact: true }).fill('At home')
    await p.getByRole('button', { name: 'Book', exact: true }).click()
    const warning = p.getByRole('alert').filter({ hasText: 'has passed' })
    await warning.waitFor()
    expect(await warning.textContent()).toMatch(/recording a visit that has already happened/)
    // "no": back to the time, nothing booked
    await p.getByRole('button', { name: 'No, change the time' }).click()
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('startsAt-day')
    await p.getByRole('button', { name: 'Book', exact: true }).click()
    await p.getByRole('button', { name: 'Yes, record a visit that has happened' }).click()
    await p.getByText(/^Booked: Home visit/).waitFor()
    expect(await axeViolations(p)).toEqual([])
    await p.close()
  })
})
