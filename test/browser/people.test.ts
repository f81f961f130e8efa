import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, launchChromium, signInPage } from '../helpers/browser'
import { browserStage, type BrowserStage } from '../helpers/stage'

/** The adults around a child are added from the family's page, not only through the API. */
let stage: BrowserStage
let browser: Awaited<ReturnType<typeof launchChromium>>

beforeAll(async () => {
  stage = await browserStage('{browser-people}')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await stage?.close()
})

describe('in Chromium: the people around the children', () => {
  it('a practitioner adds a mother’s partner and how he is related to the child', async () => {
    const p = await signInPage(browser.context, stage.server.url, 'practitioner@northmoor.example')
    await p.goto(`${stage.server.url}/families/${stage.family.id}`)
    await p.getByText('Add a person in the children’s lives', { exact: true }).click()
    // a mistake first: no name
    await p.getByRole('button', { name: 'Add the person' }).click()
    const summary = p.locator('.govuk-error-summary')
    await summary.getByRole('link', { name: 'Enter their name' }).click()
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('person-name')

    await p.getByLabel('Their name').fill('Sam Testley')
    await p.getByLabel('Who they are (optional)').fill('Mum’s partner')
    await p.getByLabel('Do they live with the family?').selectOption('yes')
    await p
      .getByLabel(/^How are they related to /)
      .first()
      .selectOption('step_parent')
    await p.getByLabel('What is going well between them (optional)').first().fill('Takes him to football.')
    await p.getByRole('button', { name: 'Add the person' }).click()
    await p.getByRole('status').filter({ hasText: 'Sam Testley is added.' }).waitFor()
    const item = p.getByRole('listitem').filter({ hasText: 'Sam Testley' })
    await item.getByText('(Mum’s partner), lives with the family.', { exact: false }).waitFor()
    await item.getByText(/is step-parent or a parent’s partner to .*Going well: Takes him to football\./).waitFor()
    expect(await axeViolations(p)).toEqual([])
  })
})
