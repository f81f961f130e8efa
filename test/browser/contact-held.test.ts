import { testLogger } from '@hearth/test-kit/log-capture'
import { and, eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminTasks } from '@hearth/db/schema/enablers'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { type RunningWorker, startWorker } from '@hearth/worker'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { freshPgDatabase, practitionerEmailIn, seedTwoCouncils } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'
import { startHttpApp } from '@hearth/test-kit/server'
import { waitUntil } from '@hearth/test-kit/wait'

/**
 * The police referral in the demo says the family does not know. Decided as a strategy
 * discussion and taken by a Riverside practitioner, the letter naming the workers must not go:
 * the enabler sees it held and why; the lead releases it from the family's page, saying why.
 */
const PREFIX = '{browser-contact}'
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let worker: RunningWorker
let leadBrowser: Awaited<ReturnType<typeof launchChromium>>
let enablerBrowser: Awaited<ReturnType<typeof launchChromium>>
let familyId: string
let leadEmail: string

/** A signed-in page's own API call, with its CSRF token (setting the scene, not what is tested). */
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
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: PREFIX,
    relayIntervalMs: 100,
  })
  leadBrowser = await launchChromium()
  enablerBrowser = await launchChromium()
  leadEmail = await practitionerEmailIn(dbx.handle, seeded.a.teamIds['Riverside family team']!)
})
afterAll(async () => {
  await leadBrowser?.close()
  await enablerBrowser?.close()
  await worker?.close()
  await server?.close()
  await dbx?.drop()
})

describe('in Chromium: contact with a family that must not know', () => {
  it('the letter is held for the enabler; the lead releases it with a reason; then it can be sent', async () => {
    const [ref] = await dbx.handle.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.councilId, seeded.a.councilId), eq(referrals.familyConsent, 'not_aware')))
    familyId = ref!.familyId
    const officerBrowser = await launchChromium()
    const officer = await signInPage(officerBrowser.context, server.url, 'referrals@northmoor.example')
    await apiAs(officer, 'POST', `/api/referrals/${ref!.id}/decision`, {
      decision: 'strategy_discussion',
      reasons: 'The children told police of violence at home: a strategy discussion today.',
      primaryNeedCode: 'N1',
    })
    await officerBrowser.close()
    let offerId = ''
    await waitUntil(async () => {
      const [o] = await dbx.handle.db.select().from(offers).where(eq(offers.referralId, ref!.id))
      offerId = o?.id ?? ''
      return !!o
    }, 10_000)

    // the Riverside practitioner takes the family from the board
    const lead = await signInPage(leadBrowser.context, server.url, leadEmail)
    await apiAs(lead, 'POST', `/api/teams/${seeded.a.teamIds['Riverside family team']}/offers/${offerId}/claim`, {})
    await waitUntil(async () => {
      const t = await dbx.handle.db
        .select()
        .from(adminTasks)
        .where(and(eq(adminTasks.familyId, familyId), eq(adminTasks.taskType, 'workers_letter')))
      return t.length === 1
    }, 10_000)

    // the enabler sees it held, with why, and cannot take it or open the letter
    const e = await signInPage(enablerBrowser.context, server.url, 'enabler@northmoor.example')
    await e.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin tasks' }).click()
    await e.getByLabel('Kind of task').selectOption('workers_letter')
    const item = e.getByRole('listitem').filter({ hasText: 'Tell the family who their workers are' })
    await item.getByText('Held', { exact: true }).waitFor()
    await item.getByText(/Do not contact the family\. Held for the lead’s decision: the referral says/).waitFor()
    expect(await item.getByRole('button', { name: /Take this task/ }).count()).toBe(0)
    expect(await item.getByRole('link', { name: /letter/ }).count()).toBe(0)
    expect(await axeViolations(e)).toEqual([])

    // the lead sees why on the family's page, and decides
    await lead.goto(`${server.url}/families/${familyId}`)
    const section = lead.getByRole('region', { name: 'Contact with the family' })
    await section.getByText('Do not contact the family without checking with the lead.').waitFor()
    await section.getByText('The referral says the family does not know about it', { exact: false }).waitFor()
    await section.getByText('There is a strategy discussion or section 47 enquiry', { exact: false }).waitFor()
    // "who works with this family" says the letter is held for the lead, not that it waits to be sent
    await lead.getByText('1 held for your decision (contact with the family is on hold)').waitFor()
    expect(await lead.getByText(/waiting to be sent by the enablers/).count()).toBe(0)
    expect(await axeViolations(lead)).toEqual([])
    await section.getByRole('button', { name: 'Send it' }).click()
    await section.getByLabel('Why is it safe to send now?').fill('Mum was told at the strategy meeting and agrees.')
    await section.getByRole('button', { name: 'Record the decision' }).click()
    await section.getByText('Waiting for the lead’s decision').waitFor({ state: 'detached' })

    // now the enabler can take it
    await e.reload()
    await e.getByLabel('Kind of task').selectOption('workers_letter')
    await item.getByRole('button', { name: /Take this task/ }).waitFor()
    expect(await item.getByText('Held', { exact: true }).count()).toBe(0)
  })
})
