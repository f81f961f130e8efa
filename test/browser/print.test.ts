import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signInPage } from '@hearth/test-kit/browser'
import { pdfText } from '@hearth/test-kit/pdf-text'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

/**
 * #32 finding 2: every page a practitioner takes to a meeting prints. Each page is printed to PDF
 * by Chromium and its text read back: the page's own words are there, the menu and buttons are
 * not; "Print the chronology" prints the chronology alone, and only when asked.
 */
let stage: BrowserStage
let page: Page

beforeAll(async () => {
  stage = await browserStage('{browser-print}')
  page = await signInPage(stage.first.context, stage.server.url, 'practitioner@northmoor.example')
})
afterAll(async () => {
  await stage?.close()
})

async function printed(path: string, heading: RegExp | string): Promise<string> {
  await page.goto(`${stage.server.url}${path}`)
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
  await page.waitForLoadState('networkidle')
  return pdfText(await page.pdf({ format: 'A4' }))
}

describe('in Chromium: printing', () => {
  it('My day, the family page, its plan, its network and its timescales print their own words', async () => {
    const id = stage.family.id
    const name = stage.family.name
    const day = await printed('/', /Hello/)
    expect(day).toContain('Hello')
    expect(day).toMatch(/My day|Today/)
    expect(day).not.toContain('Sign out')

    const family = await printed(`/families/${id}`, name)
    expect(family).toContain(name)
    expect(family).toMatch(/timescales/i)
    expect(family).toContain('Chronology')
    // Hearth's own links are not printed as addresses, and the search box is not printed
    expect(family).not.toContain('(/families/')
    expect(family).not.toContain('Search people')
    expect(family).not.toContain('Sign out')
    expect(family).not.toContain('Skip to main content')

    const plan = await printed(`/families/${id}/plan`, /family’s plan/)
    expect(plan).toContain(name)
    expect(plan.length).toBeGreaterThan(200)

    const network = await printed(`/families/${id}/network`, /people around the children/i)
    expect(network).toContain(name)
    expect(network.length).toBeGreaterThan(200)
  })

  it('"Print the chronology" prints the chronology alone; the page printed after it is whole again', async () => {
    const id = stage.family.id
    await page.goto(`${stage.server.url}/families/${id}`)
    await page.getByRole('heading', { level: 1, name: stage.family.name }).waitFor()
    // what the button does before the print dialog: the chronology-only mark on the page
    await page.evaluate(() => {
      window.print = () => {}
    })
    await page.getByRole('button', { name: 'Print the chronology' }).click()
    const alone = await pdfText(await page.pdf({ format: 'A4' }))
    expect(alone).toContain('Chronology')
    expect(alone).not.toContain('Propose an intervention')
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    const whole = await pdfText(await page.pdf({ format: 'A4' }))
    expect(whole).toContain('Chronology')
    expect(whole).toContain(stage.family.name)
    expect(whole.length).toBeGreaterThan(alone.length)
  })
})
