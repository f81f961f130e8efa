import { eq } from 'drizzle-orm'
import { referrals } from '@hearth/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, launchChromium, signInPage } from '../helpers/browser'
import { boardFixture } from '../helpers/board-fixture'
import { freshPgDatabase, seedTwoCouncils } from '../helpers/db'
import { startHttpApp } from '../helpers/server'

let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let first: Awaited<ReturnType<typeof launchChromium>>
let second: Awaited<ReturnType<typeof launchChromium>>
let fx: Awaited<ReturnType<typeof boardFixture>>

beforeAll(async () => {
  dbx = await freshPgDatabase()
  const seeded = await seedTwoCouncils(dbx.handle, 4)
  fx = await boardFixture(dbx.handle, seeded.a.councilId, 3, 14)
  // the family that arrived last is a safeguarding enquiry: it must come first
  await dbx.handle.db.update(referrals).set({ decision: 'strategy_discussion' }).where(eq(referrals.reference, 'RT-2'))
  server = await startHttpApp(dbx.handle, '{browser-board}')
  first = await launchChromium()
  second = await launchChromium()
})
afterAll(async () => {
  await first?.close()
  await second?.close()
  await server?.close()
  await dbx?.drop()
})

async function openBoard(browser: Awaited<ReturnType<typeof launchChromium>>, email: string) {
  const page = await signInPage(browser.context, server.url, email)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
  await page.getByRole('heading', { name: 'Testfield family team' }).waitFor()
  return page
}

describe('in Chromium: the team board', () => {
  it('two practitioners: one takes a family, the other’s board updates without a reload', async () => {
    const alice = await openBoard(first, fx.staff[0]!.email)
    const bilal = await openBoard(second, fx.staff[1]!.email)
    expect(await axeViolations(alice)).toEqual([])
    await bilal.getByRole('heading', { name: 'Waiting for someone to take them (3)' }).waitFor()
    // urgent first: the strategy discussion that arrived last heads the list, with the children's ages
    const top = bilal.getByRole('list').filter({ hasText: 'Boardtest' }).getByRole('listitem').first()
    await top.getByRole('link', { name: 'Boardtest 2 family' }).waitFor()
    await top.getByText('Strategy discussion (section 47: safeguarding)').waitFor()
    await top.getByText('3 children: 11 years, 11 years, 11 years', { exact: false }).waitFor()

    // Alice takes the oldest family with Bilal as co-worker
    await alice.getByLabel('Co-worker').first().selectOption({ label: fx.staff[1]!.name })
    await alice.getByRole('button', { name: 'I’ll lead this family: Boardtest 0 family' }).click()
    await alice.getByText('You now lead the Boardtest 0 family.').waitFor()
    // on Alice's day, the family she took a moment ago is "not yet seen", not overdue
    await alice.goto(`${server.url}/`)
    const row = alice.getByRole('row').filter({ hasText: 'Boardtest 0 family' })
    await row.getByText('Not yet seen: book a first visit').waitFor()
    expect(await alice.getByText('Not seen for over 4 weeks').count()).toBe(0)

    // Bilal's board, untouched, shows it held by Alice and one family fewer waiting
    await bilal.getByRole('heading', { name: 'Waiting for someone to take them (2)' }).waitFor({ timeout: 5_000 })
    const held = bilal.getByRole('table', { name: /Families the team holds/ })
    await held.getByRole('cell', { name: fx.staff[0]!.name, exact: true }).waitFor()
    await held.getByRole('link', { name: 'Boardtest 0 family' }).waitFor()
    expect(await axeViolations(bilal)).toEqual([])

    // the family page shows the workers, and the letter waiting for the enablers
    await bilal.getByRole('link', { name: 'Boardtest 0 family' }).first().click()
    await bilal.getByRole('heading', { name: 'Who works with this family' }).waitFor()
    await bilal.getByText('1 waiting to be sent by the enablers').waitFor()
    expect(await axeViolations(bilal)).toEqual([])
  })
})
