import { limit } from '@hearth/test-kit/time'
import { testLogger } from '@hearth/test-kit/log-capture'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { startWorker, type RunningWorker } from '@hearth/worker'
import { axeViolations, fillDateTime, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'
import { startHttpApp } from '@hearth/test-kit/server'

let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let worker: RunningWorker
let practitionerBrowser: Awaited<ReturnType<typeof launchChromium>>
let enablerBrowser: Awaited<ReturnType<typeof launchChromium>>
let family: { id: string; name: string }

beforeAll(async () => {
  dbx = await freshPgDatabase()
  const seeded = await seedTwoCouncils(dbx.handle, 14)
  const [priya] = await dbx.handle.db.select().from(people).where(eq(people.email, 'practitioner@northmoor.example'))
  const [held] = await dbx.handle.db
    .select()
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, seeded.a.councilId),
        eq(allocations.personId, priya!.id),
        eq(allocations.role, 'lead'),
      ),
    )
  const [f] = await dbx.handle.db
    .update(families)
    .set({ interpreterNeeded: true, language: 'Romanian' })
    .where(eq(families.id, held!.familyId))
    .returning()
  family = { id: f!.id, name: f!.name }
  server = await startHttpApp(dbx.handle, '{browser-enablers}')
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: '{browser-enablers}',
    relayIntervalMs: 100,
  })
  practitionerBrowser = await launchChromium()
  enablerBrowser = await launchChromium()
})
afterAll(async () => {
  await practitionerBrowser?.close()
  await enablerBrowser?.close()
  await worker?.close()
  await server?.close()
  await dbx?.drop()
})

const signIn = (browser: Awaited<ReturnType<typeof launchChromium>>, email: string) =>
  signInPage(browser.context, server.url, email)

describe('in Chromium: admin leaves the practitioner', () => {
  it('a visit for a family needing an interpreter: the enabler books the interpreter; the practitioner sees it done, live', async () => {
    const p = await signIn(practitionerBrowser, 'practitioner@northmoor.example')
    await p.goto(`${server.url}/families/${family.id}`)
    await p.getByRole('heading', { name: 'Who works with this family' }).waitFor()
    await p.getByText('Book a visit or meeting').click()
    await p.getByLabel('What kind').selectOption('home_visit')
    const soon = new Date(Date.now() + 2 * 86_400_000)
    soon.setMinutes(0, 0, 0)
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    await fillDateTime(p, 'When', local)
    await p.getByLabel('Where', { exact: true }).fill('At home')
    await p.getByLabel('Interpreter needed?').selectOption('yes')
    await p.getByRole('button', { name: 'Book', exact: true }).click()
    // confirmed beside the action, and the form closes
    await p.getByRole('status').filter({ hasText: 'Booked: Home visit' }).waitFor()
    expect(await p.getByLabel('Where', { exact: true }).isVisible()).toBe(false)
    const adminTable = p.getByRole('table', { name: 'Admin tasks' })
    const interpreterRow = adminTable.getByRole('row').filter({ hasText: 'Book an interpreter for the visit' })
    await interpreterRow.getByText('Waiting for an enabler').waitFor()
    expect(await axeViolations(p)).toEqual([])

    const e = await signIn(enablerBrowser, 'enabler@northmoor.example')
    await e.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin tasks' }).click()
    await e.getByRole('heading', { name: 'Admin tasks' }).waitFor()
    await e.getByLabel('Kind of task').selectOption('interpreter_booking')
    await e
      .getByRole('button', { name: `Take this task: Book an interpreter for the visit, ${family.name}` })
      .first()
      .click()
    await e.getByLabel('What was done').waitFor()
    // the task says which visit, and what the booking needs
    await e
      .getByText(/Home visit on .* for 1 hour, at At home\. Coming: .*Interpreter for Romanian\./)
      .first()
      .waitFor()
    expect(await axeViolations(e)).toEqual([])
    // meanwhile the practitioner sees who is doing it, without a reload
    await interpreterRow.getByText('Enid Enabler is doing it').waitFor()
    await e.getByLabel('What was done').fill('Romanian interpreter booked for the visit')
    await e.getByLabel('Booking reference (optional)').fill('INT-2026-117')
    await e.getByRole('button', { name: 'Mark as done' }).click()
    await e.getByText('Nothing here.').waitFor()

    await interpreterRow.getByText('Done').waitFor({ timeout: limit(5_000) })

    // the practitioner moves the visit from the screen, saying why
    await p
      .getByRole('button', { name: /^Move the visit on / })
      .first()
      .click()
    const later = new Date(soon.getTime() + 86_400_000)
    const laterLocal = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    await fillDateTime(p, 'New date and time', laterLocal)
    await p.getByLabel('Why it is moving (the family is told)').fill('Mum asked for the next day')
    await p.getByRole('button', { name: 'Move the visit', exact: true }).click()
    await p.getByRole('status').filter({ hasText: 'Moved to' }).waitFor()
    expect(
      await interpreterRow.getByText('Romanian interpreter booked for the visit, reference INT-2026-117').isVisible(),
    ).toBe(true)
  })
})
