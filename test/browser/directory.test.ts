import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { familyServices } from '@hearth/db/schema/directory'
import { axeViolations, signInPage } from '@hearth/test-kit/browser'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

let stage: BrowserStage
let dbx: BrowserStage['dbx']
let server: BrowserStage['server']
let team: BrowserStage['first']
let insight: BrowserStage['second']
let familyId: string
const SAMPLE = readFileSync(join(__dirname, '../fixtures/open-referral-sample.json'), 'utf8')

beforeAll(async () => {
  stage = await browserStage('{browser-directory}')
  ;({ dbx, server, first: team, second: insight } = stage)
  familyId = stage.family.id
})
afterAll(async () => {
  await stage?.close()
})

describe('in Chromium: the service directory', () => {
  it('an adviser loads an Open Referral file (a broken one is refused with its line); a practitioner finds a service and puts it on a family’s plan', async () => {
    const dir = tmpdir()
    const broken = join(dir, 'broken-directory.json')
    const good = join(dir, 'directory.json')
    writeFileSync(broken, SAMPLE.replace('"amount": 85.5', '"amount": "lots"'))
    writeFileSync(good, SAMPLE)
    const line = SAMPLE.split('\n').findIndex((l) => l.includes('"amount": 85.5')) + 1

    const a = await signInPage(insight.context, server.url, 'insight@northmoor.example')
    await a.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Services' }).click()
    await a.getByRole('heading', { name: 'Service directory' }).waitFor()
    await a.getByText('Load or publish the directory (Open Referral UK)').click()
    await a.getByLabel('Open Referral UK file (.json)').setInputFiles(broken)
    await a.getByRole('button', { name: 'Load the file' }).click()
    await a.getByText(/The file was not imported: 1 problem\. Nothing was changed\./).waitFor()
    await a
      .getByText(
        new RegExp(
          `^Line ${line}, column \\d+: must be an amount in pounds \\(content\\[1\\]\\.cost_options\\[0\\]\\.amount\\)$`,
        ),
      )
      .waitFor()
    await a.getByLabel('Open Referral UK file (.json)').setInputFiles(good)
    await a.getByRole('button', { name: 'Load the file' }).click()
    await a.getByText('Loaded 3 services from 2 organisations: 3 new, 0 updated.').waitFor()
    expect(await axeViolations(a)).toEqual([])

    const p = await signInPage(team.context, server.url, 'practitioner@northmoor.example')
    await p.goto(`${server.url}/families/${familyId}`)
    await p.getByText('Add a service to the plan').click()
    await p.getByLabel('Need', { exact: true }).selectOption('young_carers')
    await p.getByLabel('Child’s age').fill('10')
    await p.getByRole('button', { name: 'Search' }).click()
    await p.getByText('2 services found').waitFor()
    await p.getByRole('button', { name: 'Choose Lanternfold Young Carers Club (invented)' }).click()
    await p.getByLabel('Note (optional)').fill('Sam would like to go on Thursdays.')
    await p.getByRole('button', { name: 'Add to the plan' }).click()
    await p
      .getByText(
        /^Referred to Lanternfold Young Carers Club \(invented\) \(Lanternfold Community Trust \(invented\)\) on .*: Sam would like to go on Thursdays\.$/,
      )
      .waitFor()
    await p
      .getByRole('heading', {
        name: 'Referred to Lanternfold Young Carers Club (invented) (Lanternfold Community Trust (invented))',
      })
      .waitFor()
    expect(await axeViolations(p)).toEqual([])
    const rows = await dbx.handle.db.select().from(familyServices).where(eq(familyServices.familyId, familyId))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'referred', note: 'Sam would like to go on Thursdays.' })
  })
  it('nothing fits: the team asks insight to commission; at the threshold it goes to strategy', async () => {
    const p = await team.context.newPage()
    await p.goto(`${server.url}/families/${familyId}`)
    await p.getByText('No listed service fits? Ask the insight team to commission one').click()
    await p.getByLabel('What is needed').fill('Overnight sleep support, two nights a week')
    await p
      .getByLabel('Why the family needs it, and why nothing listed fits')
      .fill(
        'Jay sleeps three hours a night and mum is at breaking point; the sleep clinic waits nine months and nothing listed works at night.',
      )
    await p.getByLabel('What the family thinks of it, in their words').fill('“If he sleeps, we all sleep.”')
    await p.getByLabel('How many weeks it is needed for').fill('12')
    await p.getByLabel('Budget in all, in pounds').fill('12000')
    await p.getByRole('button', { name: 'Ask the insight team' }).click()
    await p.getByText('Sent to the insight team. When they have found a provider').waitFor()

    const a = await insight.context.newPage()
    await a.goto(server.url)
    await a.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Commissioning' }).click()
    await a.getByRole('heading', { name: 'Commissioning' }).waitFor()
    await a.getByRole('button', { name: /^Take this request: Overnight sleep support, two nights a week/ }).click()
    await a.getByLabel('Provider').fill('Nightingale Sleep Support (invented)')
    await a.getByLabel('Cost per week in pounds').fill('1000')
    await a.getByLabel('Starts').fill('2027-01-04')
    await a.getByLabel('Ends').fill('2027-03-28')
    expect(await axeViolations(a)).toEqual([])
    await a.getByRole('button', { name: 'Record the commission' }).click()
    await a
      .getByText(
        'Nightingale Sleep Support (invented): £1,000 a week, 4 January 2027 to 28 March 2027, £12,000 in all. Sent to strategy for sign-off.',
      )
      .waitFor()

    await p.reload()
    await p.getByText('Commissioned: with strategy for sign-off').waitFor()
    await p.getByRole('link', { name: 'Nightingale Sleep Support (invented), £12,000' }).click()
    await p.getByText('The insight team (commissioned for this family)').waitFor()
    expect(await axeViolations(p)).toEqual([])
  })
})
