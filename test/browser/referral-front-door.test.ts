import { limit } from '@hearth/test-kit/time'
import { testLogger } from '@hearth/test-kit/log-capture'
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { children, families } from '@hearth/db/schema/families'
import { startWorker, type RunningWorker } from '@hearth/worker'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'
import { startHttpApp } from '@hearth/test-kit/server'

let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let worker: RunningWorker
let officerBrowser: Awaited<ReturnType<typeof launchChromium>>
let practitionerBrowser: Awaited<ReturnType<typeof launchChromium>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 8)
  server = await startHttpApp(dbx.handle, '{browser-referral}')
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: '{browser-referral}',
    relayIntervalMs: 100,
  })
  officerBrowser = await launchChromium()
  practitionerBrowser = await launchChromium()
})
afterAll(async () => {
  await officerBrowser?.close()
  await practitionerBrowser?.close()
  await worker?.close()
  await server?.close()
  await dbx?.drop()
})

describe('in Chromium: the front door', () => {
  it('records a referral, links a known child, decides assessment, and the patch team sees it arrive live', async () => {
    // A known child in Eastfield (the demo practitioner's patch) that the caller describes.
    const [known] = await dbx.handle.db
      .select({ child: children, family: families })
      .from(children)
      .innerJoin(families, eq(families.id, children.familyId))
      .where(
        and(
          eq(children.councilId, seeded.a.councilId),
          eq(families.patchId, seeded.a.patchIds[0]!),
          isNotNull(children.dateOfBirth),
          sql`not exists (select 1 from offers o where o.family_id = ${families.id})`,
        ),
      )
      .limit(1)
    const child = known!.child

    const board = await signInPage(practitionerBrowser.context, server.url, 'practitioner@northmoor.example')
    await board.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
    await board.getByRole('heading', { name: 'Eastfield family team' }).waitFor()
    const waiting = board
      .getByRole('list')
      .filter({ has: board.getByRole('button', { name: /I’ll lead this family/ }) })
    expect(await board.getByRole('button', { name: `I’ll lead this family: ${known!.family.name}` }).count()).toBe(0)

    const page = await signInPage(officerBrowser.context, server.url, 'referrals@northmoor.example')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals' }).click()
    await page.getByRole('heading', { name: 'Referrals', exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page
      .getByRole('button', { name: 'Record a referral' })
      .or(page.getByRole('link', { name: 'Record a referral' }))
      .first()
      .click()
    await page.getByRole('heading', { name: 'Record a referral' }).waitFor()

    await page.getByLabel('Where the referral came from').selectOption('2A')
    await page.getByLabel('Their name').fill('Mx Teacher (invented)')
    await page
      .getByLabel('What the referrer is worried about, in their own words')
      .fill('They have missed school for two weeks and their little brother says there is no food at home.')
    // the caller spells the name differently (one letter dropped) and gives the date of birth
    const misspelt =
      child.firstName.length > 3 ? child.firstName.slice(0, -2) + child.firstName.slice(-1) : child.firstName
    await page.getByLabel('First name').fill(misspelt)
    await page.getByLabel('Last name').fill(child.lastName)
    // the date of birth in GOV.UK's three boxes, as people write it: 8 3 2018
    const [year, month, day] = child.dateOfBirth!.split('-')
    const dob = page.getByRole('group', { name: 'Date of birth' }).first()
    await dob.getByLabel('Day', { exact: true }).fill(String(Number(day)))
    await dob.getByLabel('Month', { exact: true }).fill(String(Number(month)))
    await dob.getByLabel('Year', { exact: true }).fill(year!)
    await page.getByText('Is this a child we already know?').waitFor()
    expect(
      await page
        .getByText(/Why: .*same date of birth/)
        .first()
        .isVisible(),
    ).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: `Link ${child.firstName} ${child.lastName}` }).click()
    await page.getByText(`Linked to the known record of ${child.firstName} ${child.lastName}`).waitFor()
    await page.getByRole('button', { name: 'Save referral' }).click()

    await page.getByRole('heading', { name: 'Decide the response' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Assessment as a child in need (section 17)').check()
    await page.getByLabel('Primary need').selectOption('N1')
    await page
      .getByLabel('Why, in plain words')
      .fill('Missing school and no food at home: we need to see the children and understand what is happening.')
    await page.getByRole('button', { name: 'Save decision' }).click()
    await page.getByText('On Eastfield family team’s board').waitFor({ timeout: limit(10_000) })

    // the practitioner's board updates without a reload
    await board
      .getByRole('button', { name: `I’ll lead this family: ${known!.family.name}` })
      .waitFor({ timeout: limit(5_000) })
    expect(await waiting.getByText('Missing school and no food at home').isVisible()).toBe(true)
  })
})
