import { and, eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referrals } from '@hearth/db/schema/referrals'
import { axeViolations, fillDateTime, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

/**
 * GOV.UK's error pattern on every form a practitioner, referral officer, strategy member or
 * administrator fills in: after a failed save the summary takes focus once, each of its links
 * reaches its field, each field in error says what is wrong in words written for people, and the
 * page title starts "Error:". Then, on the referral form, typing into fields in error keeps every
 * character (the summary once stole focus on each keystroke).
 */
let stage: BrowserStage
const browsers: Awaited<ReturnType<typeof launchChromium>>[] = []
let awaitingReferralId: string

/** Schema text that must never reach a person. */
const SCHEMA_TEXT =
  /Too small|Too big|Invalid input|expected (a |an )?(string|number|boolean|array|object)|[<>]=|like 2026-|Pence|Line1|is required|must be an id|\bUUID\b|body\.|^[a-z]/

beforeAll(async () => {
  stage = await browserStage('{browser-forms}')
  const [r] = await stage.dbx.handle.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.councilId, stage.seeded.a.councilId), eq(referrals.status, 'awaiting_decision')))
  awaitingReferralId = r!.id
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await stage?.close()
})

/** One browser per person, signed in once; each form gets a page of its own. */
const signedIn = new Map<string, Awaited<ReturnType<typeof launchChromium>>>()
async function as(email: string): Promise<Page> {
  const known = signedIn.get(email)
  if (known) return known.context.newPage()
  const b = await launchChromium()
  browsers.push(b)
  signedIn.set(email, b)
  return signInPage(b.context, stage.server.url, email)
}

/** Submits the form as it stands and checks the whole error pattern; returns the summary's messages. */
async function failedSave(page: Page, button: string): Promise<string[]> {
  await page.getByRole('button', { name: button, exact: true }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  expect(await summary.evaluate((el) => el === document.activeElement), 'the summary has focus').toBe(true)
  expect(await page.title()).toMatch(/^Error: /)
  const links = summary.locator('a')
  const n = await links.count()
  expect(n, 'the summary links to the fields').toBeGreaterThan(0)
  const texts: string[] = []
  for (let i = 0; i < n; i++) {
    const link = links.nth(i)
    const text = (await link.textContent())!.trim()
    texts.push(text)
    expect(text, 'written for people').not.toMatch(SCHEMA_TEXT)
    const target = (await link.getAttribute('href'))!.slice(1)
    expect(await page.locator(`[id="${target}"]`).count(), `${text}: its field exists`).toBe(1)
    await link.click()
    expect(await page.evaluate(() => document.activeElement?.id), `${text}: moves focus to its field`).toBe(target)
    // beside the field, the same words
    const group = page.locator(`.govuk-form-group:has([id="${target}"])`).first()
    expect((await group.locator('.govuk-error-message').textContent())?.replace('Error:', '').trim()).toBe(text)
  }
  return texts
}

describe('in Chromium: forms a person can correct', () => {
  it('the referral form: human messages, links that reach their fields, and every character typed kept', async () => {
    const page = await as('referrals@northmoor.example')
    await page.goto(`${stage.server.url}/referrals/new`)
    await fillDateTime(page, 'When it was received', '')
    const texts = await failedSave(page, 'Save referral')
    expect(texts).toEqual(
      expect.arrayContaining([
        'Enter when it was received as a real date',
        'Enter what the referrer is worried about, in their own words',
        'Enter first name',
        'Enter how the family is known',
        'Enter address line 1',
        'Enter a real postcode, like NM1 4AB',
      ]),
    )
    // type into each field in error: nothing is eaten
    const typed: [string, string][] = [
      ['Postcode', 'NM1 5RT'],
      ['First name', 'Juniper'],
      ['Last name', 'Oakhollow'],
      ['How the family is known', 'Oakhollow family'],
      ['Address line 1', '12 Invented Lane'],
    ]
    for (const [label, value] of typed) {
      const field = page.getByLabel(label, { exact: true })
      await field.click()
      await field.pressSequentially(value, { delay: 15 })
      expect(await field.inputValue(), label).toBe(value)
    }
  })

  const forms: {
    name: string
    who: string
    path: () => string
    open?: string
    prepare?: (page: Page) => Promise<void>
    button: string
  }[] = [
    {
      name: 'deciding a referral',
      who: 'referrals',
      path: () => `/referrals/${awaitingReferralId}`,
      button: 'Save decision',
    },
    { name: 'a new family', who: 'referrals', path: () => '/families/new', button: 'Save family' },
    {
      name: 'booking a visit',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Book a visit or meeting',
      button: 'Book',
    },
    {
      name: 'proposing a package',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Propose an intervention or package',
      button: 'Propose',
    },
    { name: 'a new person', who: 'admin', path: () => '/admin/people/new', button: 'Add person' },
    {
      name: 'adding a child',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Add a child',
      button: 'Add child',
    },
    {
      name: 'adding a person in the children’s lives',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Add a person in the children’s lives',
      button: 'Add the person',
    },
    {
      name: 'asking the insight team',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Ask the insight team for a consultation',
      button: 'Send to the insight team',
    },
    {
      name: 'asking for a commission',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'No listed service fits? Ask the insight team to commission one',
      button: 'Ask the insight team',
    },
    {
      name: 'a team decision',
      who: 'practitioner',
      path: () => `/teams/${stage.seeded.a.teamIds['Eastfield family team']}/decisions`,
      button: 'Record decision',
    },
    {
      name: 'adding to the family’s plan',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}/plan`,
      button: 'Add to the plan',
    },
    {
      name: 'starting an assessment',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Start an assessment',
      button: 'Start the assessment',
    },
    {
      name: 'recording a statutory step',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}`,
      open: 'Record a step',
      prepare: (page) =>
        page
          .getByLabel('What happened')
          .selectOption({ label: 'Strategy discussion' })
          .then(() => {}),
      button: 'Record it',
    },
    {
      name: 'adding someone to the children’s network',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}/network`,
      button: 'Add to the network',
    },
    {
      name: 'recording a relationship in the network',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}/network`,
      button: 'Record the relationship',
    },
    {
      name: 'arranging a family group conference with the family',
      who: 'practitioner',
      path: () => `/families/${stage.family.id}/family-meetings`,
      button: 'Arrange the meeting',
    },
    { name: 'a patch', who: 'admin', path: () => '/admin/patches', button: 'Add patch' },
    { name: 'a team', who: 'admin', path: () => '/admin/teams', button: 'Add team' },
    { name: 'a bank holiday', who: 'admin', path: () => '/admin/bank-holidays', button: 'Add bank holiday' },
  ]
  for (const f of forms) {
    it(`${f.name}: the error pattern`, async () => {
      const page = await as(`${f.who}@northmoor.example`)
      await page.goto(`${stage.server.url}${f.path()}`)
      if (f.open) await page.getByText(f.open, { exact: true }).click()
      await f.prepare?.(page)
      try {
        const texts = await failedSave(page, f.button)
        expect(texts.length).toBeGreaterThan(0)
      } finally {
        await page.close() // each page holds a live-events stream: a browser allows six at once
      }
    })
  }
  it('the copy-paste threshold: a value out of range is refused in words; a good one is saved', async () => {
    const page = await as('admin@northmoor.example')
    try {
      await page.goto(`${stage.server.url}/admin/note-check`)
      const field = page.getByLabel(/^Show the earlier note when/)
      await field.fill('95')
      const texts = await failedSave(page, 'Save')
      // a short name for a long question, and the unit (not "Show the earlier note when … must be 90 or less")
      expect(texts[0]).toBe('The share of phrases must be 90% or less')
      await field.fill('40')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await page.getByText('Saved. Notes that share 40% or more of their phrases are shown to their author.').waitFor()
      expect(await axeViolations(page)).toEqual([])
      await field.fill('33')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await page.getByText(/^Saved\. Notes that share 33%/).waitFor()
    } finally {
      await page.close()
    }
  })
  it('a council’s own timescale: a length out of range is refused in words; a good one is saved with why', async () => {
    const page = await as('admin@northmoor.example')
    try {
      await page.goto(`${stage.server.url}/admin/timescales`)
      const row = page.getByRole('row').filter({ hasText: 'Visit the child on a child protection plan' })
      await row.getByText('Change it', { exact: true }).click()
      await row.getByLabel('Length in working days').fill('0')
      await row.getByLabel('Why it changes').fill('Weekly visits agreed by the safeguarding partners')
      const texts = await failedSave(page, 'Save')
      expect(texts[0]).toMatch(/must be 1 or more/)
      await row.getByLabel('Length in working days').fill('5')
      await row.getByRole('button', { name: 'Save', exact: true }).click()
      await row.getByText('Saved. Every running timescale was worked out again.').waitFor()
      await row.getByText(/5 working days, by .*Weekly visits agreed/).waitFor()
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await page.close()
    }
  })
})
