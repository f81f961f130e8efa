import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, signInPage } from '@hearth/test-kit/browser'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

let stage: BrowserStage
let server: BrowserStage['server']
let team: BrowserStage['first']
let strategy: BrowserStage['second']
let family: { id: string; name: string }

beforeAll(async () => {
  stage = await browserStage('{browser-signoff}')
  ;({ server, first: team, second: strategy } = stage)
  family = stage.family
})
afterAll(async () => {
  await stage?.close()
})

async function propose(page: import('playwright-core').Page, what: string, weekly: string) {
  await page.goto(`${server.url}/families/${family.id}`)
  await page.getByText('Propose an intervention or package').click()
  await page.getByLabel('What is proposed').fill(what)
  await page.getByLabel('Who it is for').fill('The two children')
  await page
    .getByLabel('Why', { exact: true })
    .fill('The children need a safe place after school while Mum is in hospital.')
  await page.getByLabel('Cost per week in pounds').fill(weekly)
  await page.getByLabel('For how many weeks').fill('12')
  await page.getByLabel('Alternatives considered').fill('Nan can only help at weekends.')
  await page.getByLabel('What the family thinks, in their words').fill('“We just want the kids looked after properly.”')
  await page.getByRole('button', { name: 'Propose', exact: true }).click()
  await page.getByText(/Sent to the strategy team/).waitFor()
}

async function decide(page: import('playwright-core').Page, what: string, outcome: string, reasons: string) {
  await page.goto(`${server.url}/strategy`)
  await page.getByRole('link', { name: what }).click()
  await page.getByRole('heading', { name: 'Your decision' }).waitFor()
  await page.getByLabel(outcome).check()
  await page.getByLabel('Your reasons, for the team').fill(reasons)
  await page.getByRole('button', { name: 'Save decision' }).click()
}

describe('in Chromium: strategy sign-off', () => {
  it('a package above the threshold is declined with reasons the team sees; a second is approved and shows in committed spend', async () => {
    const p = await signInPage(team.context, server.url, 'practitioner@northmoor.example')
    await propose(p, 'After-school care, five days a week', '2500')
    const s = await signInPage(strategy.context, server.url, 'strategy@northmoor.example')
    await s.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sign-off' }).click()
    await s.getByRole('heading', { name: 'Sign-off' }).waitFor()
    expect(await axeViolations(s)).toEqual([])
    await decide(
      s,
      'After-school care, five days a week',
      'Decline',
      'Try the family network first: the aunt offered two days a week.',
    )
    await s.getByText('Declined', { exact: true }).first().waitFor()

    await p.goto(`${server.url}/families/${family.id}`)
    await p.getByText('Stan Strategy: Try the family network first: the aunt offered two days a week.').waitFor()

    await propose(p, 'Childminder three days a week', '1500')
    await decide(
      s,
      'Childminder three days a week',
      'Approve',
      'Agreed: this is the least intrusive way to keep the children at home.',
    )
    await s.getByText('Approved', { exact: true }).first().waitFor()
    await s.goto(`${server.url}/council`)
    await s.getByRole('heading', { name: 'The council at a glance' }).waitFor()
    expect(await axeViolations(s)).toEqual([])
    // £1,500 × 12 weeks = £18,000 committed for Eastfield
    const row = s.getByRole('row').filter({ hasText: 'Eastfield family team' })
    await row.getByText('£18,000').waitFor()
  })
})
