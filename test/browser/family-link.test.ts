import { limit } from '@hearth/test-kit/time'
import { and, eq, isNull } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminTasks } from '@hearth/db/schema/enablers'
import { adults } from '@hearth/db/schema/families'
import { familyMessages } from '@hearth/db/schema/family-voice'
import { people } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { axeViolations, fillDateTime, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { startHttpApp } from '@hearth/test-kit/server'

/**
 * #20 in Chromium: the lead issues a family's link and sees it as a QR code; the family opens it
 * on a 360 px phone with no account, reads their plan and says how things are going, in English
 * and then in Urdu (right to left); the lead's board shows what they said without a reload.
 */
const PREFIX = '{browser-family-link}'
/** The family's pages are checked against WCAG 2.2 AA as well (target sizes among them). */
const WCAG22 = ['wcag22aa']
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let staff: Awaited<ReturnType<typeof launchChromium>>
let phone: Awaited<ReturnType<typeof launchChromium>>
let familyId: string
let teamId: string
let lead: Page
let familyPage: Page

async function apiAs(page: Page, method: 'POST', path: string, body: unknown) {
  const me = await (await page.request.get(`${server.url}/api/auth/me`)).json()
  const res = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    data: JSON.stringify(body),
  })
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`)
  return res.json()
}

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 14)
  server = await startHttpApp(dbx.handle, PREFIX)
  staff = await launchChromium()
  phone = await launchChromium()
  const db = dbx.handle.db
  const [held] = await db
    .select({ familyId: allocations.familyId, teamId: allocations.teamId, email: people.email })
    .from(allocations)
    .innerJoin(people, eq(people.id, allocations.personId))
    .where(
      and(eq(allocations.councilId, seeded.a.councilId), eq(allocations.role, 'lead'), isNull(allocations.endedAt)),
    )
    .limit(1)
  familyId = held!.familyId
  teamId = held!.teamId
  await db.insert(adults).values({ councilId: seeded.a.councilId, familyId, name: 'Testmum Phonely' })
  lead = await signInPage(staff.context, server.url, held!.email)
  await apiAs(lead, 'POST', `/api/families/${familyId}/plan/items`, {
    what: 'Testmum takes the children to the dentist.',
    whoKind: 'network',
    whoName: 'Testmum Phonely',
  })
})
afterAll(async () => {
  await staff?.close()
  await phone?.close()
  await server?.close()
  await dbx?.drop()
})

describe('in Chromium: the family’s own link', () => {
  it(
    'issued by the lead, opened on a phone, read and answered in English and Urdu; the lead sees it live',
    async () => {
      await lead.goto(`${server.url}/families/${familyId}/family-link`)
      await lead.getByRole('heading', { name: 'The family’s link' }).waitFor()
      expect(await axeViolations(lead)).toEqual([])
      await lead.getByLabel('Testmum Phonely').check()
      await lead.getByLabel('Language').selectOption('en')
      await lead.getByLabel('I will give it to them now (QR code on screen)').check()
      await lead.getByRole('button', { name: 'Issue the link' }).click()
      await lead.getByRole('heading', { name: 'Link made for Testmum Phonely' }).waitFor()
      expect(await lead.getByRole('img', { name: 'QR code of the family’s link' }).count()).toBe(1)
      const url = (await lead.locator('.hearth-made-link code').textContent())!.trim()
      expect(url).toMatch(/\/family#[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/)
      expect(await axeViolations(lead)).toEqual([])

      // the team board, open before the family says anything
      const board = await staff.context.newPage()
      await board.goto(`${server.url}/teams/${teamId}/board`)
      await board.getByRole('heading', { name: 'Families said (0)' }).waitFor()

      // the family, on a phone, with no account
      const page = await phone.context.newPage()
      familyPage = page
      await page.setViewportSize({ width: 360, height: 740 })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(url)
      await page.getByRole('heading', { name: 'Hello Testmum' }).waitFor()
      expect(page.url()).not.toContain('#') // the token leaves the address bar
      await page.getByRole('heading', { name: 'Your plan' }).waitFor()
      await page.getByText('Testmum takes the children to the dentist.').waitFor()
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      expect(await axeViolations(page, WCAG22)).toEqual([])

      await page.getByRole('button', { name: 'How are things going?' }).click()
      await page.getByRole('heading', { name: 'How are things going?', level: 1 }).waitFor()
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByRole('link', { name: 'Choose how things are going.' }).waitFor()
      expect(await axeViolations(page, WCAG22)).toEqual([])
      await page.getByLabel('Good', { exact: true }).check()
      await page.getByLabel('In your own words (you do not have to)').fill('The dentist went well, thank you.')
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByRole('heading', { name: 'Thank you. We have got it.' }).waitFor()
      // live on the board: no reload
      await board.getByText('“The dentist went well, thank you.”').waitFor({ timeout: limit(10_000) })
      await page.getByRole('button', { name: 'Back to your page' }).click()
      await page.getByText('The dentist went well, thank you.').waitFor()

      // in Urdu, right to left
      await page.getByRole('button', { name: 'اردو' }).click()
      await page.getByRole('heading', { name: 'آپ کا منصوبہ' }).waitFor()
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
        'rtl',
        'ur',
      ])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      expect(await axeViolations(page, WCAG22)).toEqual([])
      await page.getByRole('button', { name: 'حالات کیسے ہیں؟' }).click()
      await page.getByLabel('بہت اچھا').check()
      await page.getByLabel('اپنے الفاظ میں (ضروری نہیں)').fill('سب ٹھیک ہے')
      await page.getByRole('button', { name: 'بھیجیں' }).click()
      await page.getByRole('heading', { name: 'شکریہ۔ ہمیں مل گیا ہے۔' }).waitFor()
      expect(await axeViolations(page, WCAG22)).toEqual([])
      expect(errors).toEqual([])

      // the board, open all along, shows the second too, in the family's own words
      await board.getByText('How things are going: Very good').waitFor({ timeout: limit(10_000) })
      await board.getByText('“سب ٹھیک ہے”').waitFor()
      await board.getByRole('heading', { name: 'Families said (2)' }).waitFor()
      // written on the Urdu pages: labelled, and a translation asked of the enablers in one press
      const urdu = board.locator('.hearth-card', { hasText: '“سب ٹھیک ہے”' })
      await urdu.getByText('Urdu', { exact: true }).waitFor()
      expect(await board.locator('.hearth-card', { hasText: 'The dentist went well' }).getByText('Urdu').count()).toBe(
        0,
      )
      await urdu.getByRole('button', { name: 'Ask the enablers for a translation' }).click()
      await urdu.getByRole('status').getByText('The enablers are asked to arrange a translation.').waitFor()
      expect(await axeViolations(board)).toEqual([])
      const saved = await dbx.handle.db.select().from(familyMessages).where(eq(familyMessages.familyId, familyId))
      expect(saved.map((m) => m.scale).sort()).toEqual([4, 5])
      expect(saved.map((m) => m.language).sort()).toEqual(['en', 'ur'])
      const asked = await dbx.handle.db
        .select()
        .from(adminTasks)
        .where(and(eq(adminTasks.familyId, familyId), eq(adminTasks.taskType, 'ask_enabler')))
      expect(asked).toHaveLength(1)
      expect(asked[0]!.details).toContain('translation from Urdu')
      expect(asked[0]!.details).not.toContain('سب') // the task points to the words, it does not copy them
    },
    limit(120_000),
  )

  it(
    'asked to move a visit, the team moves it from the card in one place; the family reads the new time and why (#32)',
    async () => {
      const soon = new Date(Date.now() + 3 * 86_400_000)
      soon.setUTCHours(10, 0, 0, 0)
      const visit = await apiAs(lead, 'POST', `/api/families/${familyId}/visits`, {
        kind: 'home_visit',
        startsAt: soon.toISOString(),
        durationMinutes: 60,
        place: 'The family home (browser test)',
      })
      const page = familyPage
      await page.reload()
      await page.getByRole('button', { name: 'English' }).click()
      // this visit's own "ask to move" (the demo family may have another visit coming up)
      const on = (o: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'Europe/London' }).format(soon)
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Home visit' })
        .filter({ hasText: new RegExp(`${on({ weekday: 'long' })}.*${on({ day: 'numeric', month: 'long' })}`) })
        .getByRole('button', { name: 'Ask to move this' })
        .click()
      await page.getByLabel('What days and times suit you?').fill('Afternoons after 3, please.')
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByRole('heading', { name: 'Thank you. We have got it.' }).waitFor()
      await page.getByRole('button', { name: 'Back to your page' }).click()
      await page.getByText('You asked to move this. We will be in touch.').waitFor()

      const board = await staff.context.newPage()
      await board.goto(`${server.url}/teams/${teamId}/board`)
      const card = board.locator('.hearth-card', { hasText: 'Afternoons after 3, please.' })
      await card.getByRole('button', { name: 'Move the visit' }).click()
      const later = new Date(soon.getTime() + 86_400_000)
      const local = await board.evaluate((iso) => {
        const t = new Date(iso)
        t.setHours(15, 30, 0, 0)
        const two = (n: number) => String(n).padStart(2, '0')
        return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}T15:30`
      }, later.toISOString())
      await fillDateTime(card, 'New date and time', local)
      await card
        .getByLabel('Why it is moving (the family is told)')
        .fill('You asked for an afternoon, so it is the day after.')
      expect(await axeViolations(board)).toEqual([])
      await card.getByRole('button', { name: 'Move the visit and tell the family' }).click()
      await board.getByRole('status').filter({ hasText: 'The visit is moved to' }).waitFor()
      // answered: gone from what is new on the board; the ask carries the team's words
      await board.locator('.hearth-card', { hasText: 'Afternoons after 3, please.' }).waitFor({ state: 'detached' })
      const [ask] = await dbx.handle.db
        .select()
        .from(familyMessages)
        .where(and(eq(familyMessages.familyId, familyId), eq(familyMessages.visitId, visit.id)))
      expect(ask!.answer).toBe('You asked for an afternoon, so it is the day after.')

      // the family's page: the new time and why, and no longer "we will be in touch"
      await page.reload()
      await page.getByText('You asked for an afternoon, so it is the day after.', { exact: false }).first().waitFor()
      expect(await page.getByText('You asked to move this. We will be in touch.').count()).toBe(0)
      expect(await axeViolations(page, WCAG22)).toEqual([])
      await board.close()
    },
    limit(120_000),
  )
})
