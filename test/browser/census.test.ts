import { limit } from '@hearth/test-kit/time'
import { testLogger } from '@hearth/test-kit/log-capture'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseSteps } from '@hearth/db/schema/case-process'
import { children } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { startWorker, type RunningWorker } from '@hearth/worker'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'
import { startHttpApp } from '@hearth/test-kit/server'

/**
 * #16 in Chromium: the data team produces the census, watches it go to 100 %, reads the rule
 * report, follows the link to the child, corrects the record, produces it again: the error is gone.
 */
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let worker: RunningWorker
let browser: Awaited<ReturnType<typeof launchChromium>>
let laChildId: string

beforeAll(async () => {
  dbx = await freshPgDatabase()
  const seeded = await seedTwoCouncils(dbx.handle, 6)
  const db = dbx.handle.db
  const councilId = seeded.a.councilId
  // three children referred this year, one with no disabilities recorded (rule 8540)
  const kids = await db.select().from(children).where(eq(children.councilId, councilId)).limit(3)
  const [someone] = await db.select().from(people).where(eq(people.councilId, councilId)).limit(1)
  const on = addCalendarDays(londonDateOf(new Date()), -20)
  await db.insert(caseSteps).values(
    kids.map((k) => ({
      councilId,
      familyId: k.familyId,
      childId: k.id,
      kind: 'episode',
      onDate: on,
      details: { referralSource: '3B', primaryNeed: 'N4', closureReason: null },
      recordedBy: someone!.id,
    })),
  )
  const kid = kids.find((k) => k.dateOfBirth)!
  laChildId = kid.laChildId
  await db
    .update(children)
    .set({ disabilities: [] })
    .where(and(eq(children.councilId, councilId), eq(children.id, kid.id)))
  server = await startHttpApp(dbx.handle, '{browser-census}')
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: '{browser-census}',
    relayIntervalMs: 100,
  })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await worker?.close()
  await server?.close()
  await dbx?.drop()
})

describe('in Chromium: the census', () => {
  it('produced with its progress, a rule’s child followed and fixed, produced again without the error', async () => {
    const page = await signInPage(browser.context, server.url, 'admin@northmoor.example')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Census return' }).click()
    await page.getByRole('heading', { name: 'Children in Need census' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Produce the census' }).click()
    // the report, once the worker is done (the progress bar shows while it works)
    await page.getByText('Not ready to submit').waitFor({ timeout: limit(20_000) })
    const rule = page.getByRole('region', { name: /^Rule 8540/ })
    await rule.getByText('Error', { exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await rule.getByRole('link', { name: `Child ${laChildId}` }).click()
    await page.getByRole('heading', { name: `Child ${laChildId}` }).waitFor()
    await page.getByText('Change the details the census needs').click()
    await page.getByLabel('No disability').check()
    await page.getByRole('button', { name: 'Save the census details' }).click()
    await page.getByText('Saved.', { exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Back to the census' }).click()
    await page.getByRole('button', { name: 'Produce the census' }).click()
    await page.getByText(/^\d+ children\. Finished/).waitFor()
    await page.waitForFunction(() => !document.body.textContent.includes('Rule 8540'), null, { timeout: limit(20_000) })
    expect(await page.getByRole('region', { name: /^Rule 8540/ }).count()).toBe(0)
    await page.getByText('Returns produced before').waitFor()
  })

  it('Annex A: a period in the future refused in words; the last six months made into a workbook', async () => {
    // still signed in from the test above
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/`)
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Ofsted Annex A' }).click()
    await page.getByRole('heading', { name: 'Ofsted Annex A' }).waitFor()
    const to = page.getByRole('group', { name: 'To' })
    await to.getByLabel('Year').fill(String(new Date().getUTCFullYear() + 1))
    await page.getByRole('button', { name: 'Produce Annex A' }).click()
    await page
      .locator('.govuk-error-summary')
      .getByText(/cannot end in the future/)
      .waitFor()
    expect(await axeViolations(page)).toEqual([])
    await to.getByLabel('Year').fill(String(new Date().getUTCFullYear()))
    await page.getByRole('button', { name: 'Produce Annex A' }).click()
    await page.getByRole('link', { name: 'Download the workbook (XLSX)' }).waitFor({ timeout: limit(20_000) })
    const six = page.getByRole('row').filter({ hasText: '6. Children in need' })
    expect(await six.getByRole('cell').last().textContent()).toBe('3')
    expect(await axeViolations(page)).toEqual([])
  })
})
