import { limit } from '@hearth/test-kit/time'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { children, families } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { and, eq } from 'drizzle-orm'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { startHttpApp } from '@hearth/test-kit/server'

/**
 * #21 in Chromium: the search box with the keyboard alone. "/" reaches it from anywhere, a
 * misspelt name finds the child, the arrow keys move through the results and Enter opens one.
 */
const PREFIX = '{browser-search}'
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let browser: Awaited<ReturnType<typeof launchChromium>>

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 14)
  server = await startHttpApp(dbx.handle, PREFIX)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await dbx?.drop()
})

describe('in Chromium: the search box', () => {
  it(
    'keyboard first: / to the box, a misspelt name, arrows and Enter open the child',
    async () => {
      // the front door sees the whole council: a child of it, with a name spelt wrongly
      const [kid] = await dbx.handle.db
        .select({ id: children.id, first: children.firstName, last: children.lastName })
        .from(children)
        .innerJoin(families, eq(families.id, children.familyId))
        .where(and(eq(children.councilId, seeded.a.councilId)))
        .limit(1)
      const misspelt = `${kid!.first} ${kid!.last.slice(0, -1)}${kid!.last.endsWith('e') ? 'a' : 'e'}`
      const page = await signInPage(browser.context, server.url, 'referrals@northmoor.example')
      await page.keyboard.press('/')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('hearth-search')
      await page.keyboard.type(misspelt)
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor()
      await page.getByText(/found for/).waitFor()
      expect(await axeViolations(page)).toEqual([])
      // from wherever the page put the focus (its heading), the arrows move through the results
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowUp')
      expect(await page.evaluate(() => document.activeElement?.closest('.hearth-results') !== null)).toBe(true)
      const title = (await page.evaluate(() => document.activeElement?.textContent)) ?? ''
      expect(title).toContain(kid!.first)
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/(children|families)\//)
    },
    limit(60_000),
  )

  it(
    'an information-sharing decision recorded on the child’s page, with the keyboard-sized form',
    async () => {
      const [kid] = await dbx.handle.db
        .select({ id: children.id })
        .from(children)
        .innerJoin(families, eq(families.id, children.familyId))
        .innerJoin(teams, eq(teams.patchId, families.patchId))
        .where(
          and(eq(children.councilId, seeded.a.councilId), eq(teams.id, seeded.a.teamIds['Eastfield family team']!)),
        )
        .limit(1)
      const second = await launchChromium() // a browser of their own: the first is signed in already
      const page = await signInPage(second.context, server.url, 'practitioner@northmoor.example')
      await page.goto(`${server.url}/children/${kid!.id}`)
      await page.getByRole('heading', { name: 'Sharing information with other agencies' }).waitFor()
      const sharing = page.getByRole('region', { name: 'Sharing information with other agencies' })
      await sharing.getByText('Record a decision to share, or not to share').click()
      await sharing.getByRole('button', { name: 'Record the decision' }).click()
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
      expect(await axeViolations(page)).toEqual([])
      await sharing.getByLabel('To share the information').check()
      await sharing.getByLabel('What information').fill('The dates of the last two home visits')
      await sharing.getByLabel('Kind of agency').selectOption('health')
      await sharing.getByLabel('With whom').fill('Testwell health visiting team')
      await sharing.getByLabel('Why, for the child').fill('So the health visitor can check the baby is thriving')
      await sharing.getByLabel('Day').fill('2')
      await sharing.getByLabel('Month').fill('11')
      await sharing.getByLabel('Year').fill('2026')
      await sharing.getByRole('button', { name: 'Record the decision' }).click()
      await page.getByText('Shared with Testwell health visiting team', { exact: false }).first().waitFor()
      expect(await axeViolations(page)).toEqual([])
      await second.close()
    },
    limit(60_000),
  )

  it(
    'a family I know: declared from the menu, the family is then out of my reach',
    async () => {
      const [fam] = await dbx.handle.db
        .select({ id: families.id, reference: families.reference })
        .from(families)
        .innerJoin(teams, eq(teams.patchId, families.patchId))
        .where(
          and(eq(families.councilId, seeded.a.councilId), eq(teams.id, seeded.a.teamIds['Eastfield family team']!)),
        )
        .limit(1)
      const own = await launchChromium()
      const page = await signInPage(own.context, server.url, 'practitioner@northmoor.example')
      await page.goto(`${server.url}/families/${fam!.id}`)
      await page.getByText(fam!.reference).first().waitFor()
      await page.goto(`${server.url}/me/conflicts`)
      await page.getByRole('heading', { name: 'Families you know' }).waitFor()
      await page.getByLabel('The family’s reference').fill(fam!.reference)
      await page.getByLabel('How you know them').fill('They are my neighbours')
      await page.getByRole('button', { name: 'Declare it' }).click()
      await page.getByText(/^Declared\. You will not see the family/).waitFor()
      expect(await axeViolations(page)).toEqual([])
      await page.goto(`${server.url}/families/${fam!.id}`)
      await page.getByText('We could not find that family.').first().waitFor()
      await own.close()
    },
    limit(60_000),
  )
})
