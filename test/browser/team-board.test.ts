import { limit } from '@hearth/test-kit/time'
import { and, eq, isNull, like } from 'drizzle-orm'
import { assessments } from '@hearth/db/schema/assessments'
import { children, families } from '@hearth/db/schema/families'
import { referrals } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { makeReferral } from '@hearth/test-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, holidaySet, isWorkingDay, londonDateOf } from '@hearth/domain/working-days'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { refreshClocks } from '../../apps/api/src/modules/case-process/clock-queries'
import { boardFixture } from '@hearth/test-kit/board-fixture'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { startHttpApp } from '@hearth/test-kit/server'

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
    // what families said comes before the duty rota, which is folded away
    const said = (await alice.getByRole('heading', { name: /^Families said/ }).boundingBox())!
    const rota = alice.getByText(/^Duty rota, the next \d+ days$/)
    expect(said.y).toBeLessThan((await rota.boundingBox())!.y)
    expect(
      await alice
        .getByRole('combobox', { name: /^On duty on/ })
        .first()
        .isVisible(),
    ).toBe(false)
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
    await bilal
      .getByRole('heading', { name: 'Waiting for someone to take them (2)' })
      .waitFor({ timeout: limit(5_000) })
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
  it('a new referral about a family the team holds is told at the top of the board, and tagged in its row (#32)', async () => {
    const db = dbx.handle.db
    const [held] = await db
      .select({ familyId: allocations.familyId })
      .from(allocations)
      .innerJoin(families, eq(families.id, allocations.familyId))
      .where(and(eq(allocations.role, 'lead'), isNull(allocations.endedAt), like(families.name, 'Boardtest %')))
      .limit(1)
    const [fam] = await db.select().from(families).where(eq(families.id, held!.familyId))
    await makeReferral(db, fam!, fx.staff[0]!, { receivedAt: new Date() })
    const page = await second.context.newPage()
    await page.goto(`${server.url}/`)
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
    const told = page.getByRole('region', { name: 'New referrals about families you hold' })
    await told.getByRole('link', { name: `The ${fam!.name}` }).waitFor()
    expect(await told.textContent()).toContain('waiting for the front door’s decision')
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: fam!.name, exact: true }) })
    await row.getByText('New referral', { exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('an overdue assessment is on the lead’s day and the team board; recording it as finished clears it live', async () => {
    const db = dbx.handle.db
    const [fam] = await db.select().from(families).where(eq(families.name, 'Boardtest 0 family'))
    const [kid] = await db.select().from(children).where(eq(children.familyId, fam!.id))
    // started from a referral of long ago: its 45 working days are over
    await db.insert(assessments).values({
      councilId: fam!.councilId,
      familyId: fam!.id,
      childId: kid!.id,
      referralDate: '2026-01-05',
      startedOn: '2026-01-07',
      startedBy: fx.staff[0]!.id,
    })
    await refreshClocks(db, fam!.councilId, [kid!.id])
    // both still signed in from the test above
    const alice = await first.context.newPage()
    await alice.goto(`${server.url}/`)
    const mine = alice.getByRole('region', { name: /^Statutory timescales/ })
    await mine.getByText(/finish the child and family assessment by 9 March 2026/).waitFor()
    await mine.getByText('Overdue', { exact: true }).waitFor()
    expect(await axeViolations(alice)).toEqual([])
    const bilal = await second.context.newPage()
    await bilal.goto(`${server.url}/`)
    await bilal.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
    const board = bilal.getByRole('region', { name: 'Statutory timescales (1 overdue, 0 due soon)' })
    await board.getByText('Overdue', { exact: true }).waitFor()

    // Alice records it as finished from the family page
    await mine.getByRole('link', { name: `${kid!.firstName} ${kid!.lastName}` }).click()
    const section = alice.locator('#assessments')
    await section.getByText('Record it as finished', { exact: true }).first().click()
    await section.getByLabel('Neglect', { exact: true }).check()
    await section.getByRole('button', { name: 'Record it as finished' }).click()
    await section.getByText('Finished', { exact: true }).waitFor()
    expect(await axeViolations(alice)).toEqual([])
    // Bilal's board, untouched, no longer shows it
    await bilal.getByRole('region', { name: 'Statutory timescales (0 overdue, 0 due soon)' }).waitFor()
    const [a] = await db.select().from(assessments).where(eq(assessments.childId, kid!.id))
    expect(a).toMatchObject({ factors: ['16A'] })
    expect(a!.authorisedOn).not.toBeNull()
  })

  it('the lead records the steps of an enquiry on the family page; the conference’s clock appears and a wrong order is refused', async () => {
    const alice = await first.context.newPage()
    const db = dbx.handle.db
    const [fam] = await db.select().from(families).where(eq(families.name, 'Boardtest 0 family'))
    const [kid] = await db.select().from(children).where(eq(children.familyId, fam!.id))
    const name = `${kid!.firstName} ${kid!.lastName}`
    await alice.goto(`${server.url}/families/${fam!.id}`)
    const section = alice.locator('#case-process')
    await section.getByRole('heading', { name: 'Statutory steps and timescales' }).waitFor()
    const record = section.locator('details', { has: alice.getByText('Record a step', { exact: true }) })
    await record.getByText('Record a step', { exact: true }).click()
    // every step on the last working day, so that a conference on it is allowed whatever today is
    let wd = londonDateOf(new Date())
    while (!isWorkingDay(wd, holidaySet())) wd = addCalendarDays(wd, -1)
    const onDate = async (label: string) => {
      const [y, m, d] = wd.split('-')
      const group = record.getByRole('group', { name: label })
      await group.getByLabel('Day').fill(String(Number(d)))
      await group.getByLabel('Month').fill(String(Number(m)))
      await group.getByLabel('Year').fill(y!)
    }
    const step = async (kind: string, fill: () => Promise<void>) => {
      await record.getByLabel('What happened').selectOption({ label: kind })
      await record.getByLabel('Which child').selectOption({ label: name })
      await fill()
      await record.getByRole('button', { name: 'Record it' }).click()
    }
    await step('Episode of need (referral to closure)', async () => {
      await onDate('Referral date')
      await record.getByLabel('Who referred').selectOption({ label: 'Police (6)' })
      await record.getByLabel('Primary need').selectOption({ label: 'Abuse or neglect (N1)' })
    })
    await section.getByText(/Referred by: Police/).waitFor()
    await step('Strategy discussion', async () => {
      await onDate('Date of the discussion')
      await record.getByLabel('Police').check()
      await record.getByLabel('Yes, section 47 enquiries start').check()
    })
    const due = section.getByRole('table', { name: 'Timescales running for the children' })
    await due.getByText('Hold the initial child protection conference').waitFor()
    expect(await axeViolations(alice)).toEqual([])
    // a child protection plan with no conference: refused, the error summary names the date
    await step('Child protection plan', async () => {
      await record.getByLabel('Category of abuse', { exact: true }).selectOption({ label: 'Neglect (NEG)' })
    })
    const summary = record.getByRole('alert')
    await summary.getByText(/initial conference/).waitFor()
    expect(await axeViolations(alice)).toEqual([])
    // on the board, Bilal sees the conference due
    const bilal = await second.context.newPage()
    await bilal.goto(`${server.url}/`)
    await bilal.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
    const board = bilal.getByRole('region', { name: /^Statutory timescales/ })
    // never folded under "coming up later", however far off
    await board.getByText(/hold the initial child protection conference by/).waitFor()
    expect(await board.getByText(/Coming up later/).count()).toBe(0)

    // the refusal named what is missing in words, and offers to record it first, for the same child
    expect(await summary.textContent()).not.toMatch(/census|\d{4}/)
    await record.getByRole('button', { name: 'Record the child protection conference first' }).click()
    expect(await record.getByLabel('What happened').inputValue()).toBe('conference')
    expect(await record.getByLabel('Which child').inputValue()).toBe(kid!.id)
    const conference = async () => {
      await onDate('Date of the conference')
      await record.getByLabel('Initial', { exact: true }).check()
      await record.getByLabel('Initial: a child protection plan').check()
      await record.getByLabel('Who chaired it').fill('Testchair Quorum')
    }
    await conference()
    await record.getByRole('button', { name: 'Record it' }).click()
    // no enquiry recorded yet: that is offered in turn
    await record.getByRole('button', { name: 'Record the section 47 enquiry first' }).click()
    await onDate('Date the enquiry started')
    await record.getByRole('button', { name: 'Record it' }).click()
    await section.getByRole('listitem').filter({ hasText: 'Section 47 enquiry' }).first().waitFor()
    await step('Child protection conference', conference)
    await section.getByRole('listitem').filter({ hasText: 'Child protection conference' }).first().waitFor()
    // the conference decided on a plan: the page asks for it, filled in
    const planNow = section.getByRole('region', { name: `The plan for ${name}` })
    await planNow.getByRole('button', { name: 'Record the plan now' }).click()
    expect(await planNow.getByLabel('What happened').inputValue()).toBe('cp_plan')
    await planNow.getByLabel('Category of abuse', { exact: true }).selectOption({ label: 'Neglect (NEG)' })
    await planNow.getByRole('button', { name: 'Record it' }).click()
    await planNow.waitFor({ state: 'detached' })
    await due
      .getByText(/core group/i)
      .first()
      .waitFor()
    expect(await axeViolations(alice)).toEqual([])
    // on a phone the timescales stack, one to a block, inside the screen
    await alice.setViewportSize({ width: 375, height: 800 })
    expect(await due.evaluate((el) => Math.ceil(el.getBoundingClientRect().right))).toBeLessThanOrEqual(375)
    expect(await axeViolations(alice)).toEqual([])
  })
  it('a child in care: the lead records being looked after, a placement and a health assessment; the In care page and My day show what is due', async () => {
    const alice = await first.context.newPage()
    const db = dbx.handle.db
    const [fam] = await db.select().from(families).where(eq(families.name, 'Boardtest 0 family'))
    const [kid] = await db.select().from(children).where(eq(children.familyId, fam!.id))
    const name = `${kid!.firstName} ${kid!.lastName}`
    await alice.goto(`${server.url}/families/${fam!.id}`)
    const section = alice.locator('#case-process')
    const record = section.locator('details', { has: alice.getByText('Record a step', { exact: true }) })
    await record.getByText('Record a step', { exact: true }).click()
    const wd = londonDateOf(new Date())
    const onDate = async (label: string) => {
      const [y, m, d] = wd.split('-')
      const group = record.getByRole('group', { name: label })
      await group.getByLabel('Day').fill(String(Number(d)))
      await group.getByLabel('Month').fill(String(Number(m)))
      await group.getByLabel('Year').fill(y!)
    }
    const step = async (kind: string, fill: () => Promise<void>, shows: RegExp) => {
      await record.getByLabel('What happened').selectOption({ label: kind })
      await record.getByLabel('Which child').selectOption({ label: name })
      await fill()
      await record.getByRole('button', { name: 'Record it' }).click()
      await section.getByRole('listitem').filter({ hasText: shows }).first().waitFor()
    }
    await step(
      'Looked after',
      async () => {
        await onDate('Date the child became looked after')
        await record.getByLabel('Legal status').selectOption({ label: 'Interim care order (C1)' })
      },
      /Interim care order/,
    )
    await step(
      'Placement',
      async () => {
        await onDate('Date the placement started')
        await record
          .getByLabel('Kind of placement')
          .selectOption({ label: 'Fostered with another carer: not long-term or fostering for adoption (U6)' })
        await record.getByLabel('Who provides it').selectOption({ label: 'A private provider (PR4)' })
        await record.getByLabel('The placement’s postcode (optional)').fill('nm9 9zz')
        await record.getByRole('group', { name: 'Is it inside the council’s area?' }).getByLabel('No').check()
      },
      /Fostered with another carer: not long-term or fostering for adoption \(U6\)/,
    )
    await step(
      'Health assessment',
      async () => {
        await onDate('Date of the assessment')
        await record.getByLabel('Initial assessment').check()
      },
      /Initial\./,
    )
    await section.getByRole('link', { name: `${name}: in care` }).click()
    await alice.getByRole('heading', { name: 'In care', level: 1 }).waitFor()
    // what is due comes first: the care plan within 10 working days of the placement, the visit in 7 days
    const due = alice.getByRole('list', { name: 'Due for this child, soonest first' })
    await due.getByText(/^Visit the child in their new placement by/).waitFor()
    await due.getByText(/^Prepare the care plan by/).waitFor()
    expect(await due.getByText(/^Hold the initial health assessment/).count()).toBe(0) // recorded
    await due.getByText(/^Hold the review health assessment by/).waitFor()
    await alice.getByText('Interim care order (C1)').waitFor()
    await alice
      .getByText(/^Fostered with another carer: not long-term or fostering for adoption \(U6\), out of/)
      .waitFor()
    await alice.getByText('A private provider; postcode NM9 9ZZ (not shown to the parents)').waitFor()
    // the return's episode, worked out: started to be looked after, in that placement
    const episodes = alice.getByRole('table', { name: 'This time in care as the looked-after return counts it' })
    await episodes.getByText('Started to be looked after (S)').waitFor()
    expect(await axeViolations(alice)).toEqual([])
    // on a phone, the page stays inside the screen
    await alice.setViewportSize({ width: 375, height: 800 })
    const main = alice.getByRole('main')
    expect(await main.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    expect(await axeViolations(alice)).toEqual([])
    // and on the lead's day, with every other running timescale (back on a desktop screen)
    await alice.setViewportSize({ width: 1280, height: 900 })
    await alice.goto(`${server.url}/`)
    const mine = alice.getByRole('region', { name: /^Statutory timescales/ })
    // a week or more off: folded under "coming up later", opened to read
    await mine.getByText(/^Coming up later/).click()
    await mine.getByText(new RegExp(`${name}.*visit the child in their new placement by`)).waitFor()
    await mine.getByText(new RegExp(`${name}.*prepare the care plan by`)).waitFor()
    // the team's list of children in care, from the board, opens the child's In care page
    await alice.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
    await alice.getByRole('link', { name: 'Children in care' }).click()
    await alice.getByRole('heading', { name: 'Children in care (1)' }).waitFor()
    const list = alice.getByRole('table', { name: 'Children looked after, longest in care first' })
    await list.getByText('Interim care order (C1)').waitFor()
    expect(await axeViolations(alice)).toEqual([])
    await list.getByRole('link', { name }).click()
    await alice.getByRole('heading', { name: 'In care', level: 1 }).waitFor()
  })
})
