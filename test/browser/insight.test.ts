import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insightRequests } from '@hearth/db/schema/insight'
import { axeViolations, fillDateTime, signInPage } from '@hearth/test-kit/browser'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

let stage: BrowserStage
let dbx: BrowserStage['dbx']
let server: BrowserStage['server']
let team: BrowserStage['first']
let insight: BrowserStage['second']
let family: { id: string; name: string }

beforeAll(async () => {
  stage = await browserStage('{browser-insight}')
  ;({ dbx, server, first: team, second: insight } = stage)
  family = stage.family
})
afterAll(async () => {
  await stage?.close()
})

describe('in Chromium: consultation', () => {
  it('a practitioner asks about a family; an adviser takes it and records advice; the practitioner reads it on the chronology', async () => {
    const p = await signInPage(team.context, server.url, 'practitioner@northmoor.example')
    await p.goto(`${server.url}/families/${family.id}`)
    // the page has finished reading (the family's link line is the last to arrive): nothing moves now
    await p
      .getByText(/working link/)
      .first()
      .waitFor()
    await p.getByText('Ask the insight team for a consultation').click()
    await p.getByLabel('What is it about?').selectOption('exploitation')
    await p
      .getByLabel('What would you like help with?')
      .fill(
        'The eldest is out until 2am, has a second phone and new trainers nobody paid for. Is this criminal exploitation, and what do we do first?',
      )
    await p.getByRole('button', { name: 'Send to the insight team' }).click()
    await p.getByText('Sent to the insight team: Exploitation (criminal or sexual).').waitFor()
    await p.getByRole('heading', { name: 'Chronology' }).waitFor()
    await p.getByText('Consultation asked for: Exploitation (criminal or sexual)').waitFor()
    expect(await axeViolations(p)).toEqual([])

    const a = await signInPage(insight.context, server.url, 'insight@northmoor.example')
    await a.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Consultations' }).click()
    await a.getByRole('heading', { name: 'Consultation and coaching' }).waitFor()
    expect(await axeViolations(a)).toEqual([])
    await a
      .getByRole('button', { name: `Take this request: Exploitation (criminal or sexual), ${family.name}` })
      .click()
    await a.getByRole('heading', { name: 'Book the session' }).waitFor()
    await fillDateTime(a, 'Date and time', '2031-03-04T10:00')
    await a.getByLabel('Who attends').fill('Priya, her co-worker and the adviser')
    await a.getByRole('button', { name: 'Book the session' }).click()
    await a.getByText('Session booked').waitFor()
    expect(await axeViolations(a)).toEqual([])
    const advice =
      'Yes, this looks like criminal exploitation. Make a referral to the exploitation hub today and ask the police for a return-home interview after every missing episode. See him on his own; ask who he owes money to, not what he has done.'
    await a.getByLabel('Advice, in plain words').fill(advice)
    await a.getByRole('button', { name: 'Record the advice' }).click()
    await a.getByText('Advice given').waitFor()

    const [row] = await dbx.handle.db.select().from(insightRequests).where(eq(insightRequests.familyId, family.id))
    expect(row).toMatchObject({ status: 'advice_given', advice, attendees: 'Priya, her co-worker and the adviser' })

    // the practitioner's open page updates without reloading (live event), and the advice is on the chronology
    await p.getByRole('heading', { name: 'Consultation advice: Exploitation (criminal or sexual)' }).waitFor()
    await p.getByText(advice).waitFor()
    expect(await axeViolations(p)).toEqual([])
    // and on the practitioner's day: the advice is there to open
    await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home' }).click()
    const lately = p.getByRole('region', { name: /^Consultation and coaching/ })
    await lately.getByRole('link', { name: `Exploitation (criminal or sexual) (${family.name})` }).click()
    await p.getByRole('heading', { name: 'Advice' }).waitFor()
    await p.getByText(advice).waitFor()
    expect(await axeViolations(p)).toEqual([])
  })
  it('an adviser reads the team figures week by week, as charts and tables, and can download them', async () => {
    const a = await insight.context.newPage() // still signed in from the first test
    await a.goto(server.url)
    await a.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team figures' }).click()
    await a.getByRole('heading', { name: 'Team figures over time' }).waitFor()
    await a.getByRole('heading', { name: 'Consultations: median hours waiting for an adviser' }).waitFor()
    // this week's row: the consultation asked in the first test, taken the same week
    const table = a.getByRole('table', { name: 'Consultations: median hours waiting for an adviser, as a table' })
    await table.getByRole('columnheader', { name: 'Eastfield' }).waitFor()
    expect(await table.getByRole('row').last().textContent()).toMatch(/1 asked, median wait \d/)
    expect(await a.getByRole('link', { name: 'Download these figures (CSV)' }).getAttribute('href')).toBe(
      '/api/figures/teams.csv?weeks=12',
    )
    await a.getByRole('table', { name: 'Front door decisions by week, as a table' }).waitFor()
    // time with families: each team's share and all the teams', with the Blueprint's lines
    const contact = a.getByRole('table', { name: 'Time with families: share of the working week (%), as a table' })
    await contact.getByRole('columnheader', { name: 'All teams' }).waitFor()
    expect(await contact.getByRole('row').last().textContent()).toMatch(/\d+(\.\d)?%|–/)
    expect(await a.locator('.recharts-reference-line').count()).toBe(2)
    expect(await axeViolations(a)).toEqual([])
  })
})
