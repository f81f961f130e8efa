import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { limit } from './time.mjs'

export const DEMO_TEST_PASSWORD = 'hearth-demo-2026'

/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-chromium-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
  // Fail a step with its locator well before the test's own time limit; generous, because CI runs
  // the whole suite on two cores, browser tests beside the API's.
  context.setDefaultTimeout(limit(45_000))
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** WCAG 2.1 A and AA violations on the page as it is now. */
export async function axeViolations(page: Page, more: string[] = []): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...more])
    .analyze()
  return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/**
 * Where the sign-in page asks for the council (more than one on this Hearth), chooses the one
 * the test address belongs to: admin@northmoor.example → "Northmoor …".
 */
export async function chooseCouncil(page: Page, email: string) {
  await page.getByLabel('Email address').waitFor()
  const select = page.getByLabel('Council', { exact: true })
  if ((await select.count()) === 0) return
  const word = email.split('@')[1]!.split('.')[0]!.toLowerCase()
  const labels = await select.locator('option').allTextContents()
  const label = labels.find((l) => l.toLowerCase().includes(word))
  if (!label) throw new Error(`no council on the sign-in page for ${email}`)
  await select.selectOption({ label })
}

/** Opens a new page in the context and signs in through the real sign-in form. */
export async function signInPage(context: BrowserContext, baseUrl: string, email: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${baseUrl}/sign-in`)
  await chooseCouncil(page, email)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: /^Hello, / }).waitFor()
  return page
}

/**
 * Fills a GOV.UK date-and-time question (day, month, year, hour, minute boxes in a fieldset named
 * by its legend) from "2026-12-07T14:30"; '' empties every box.
 */
export async function fillDateTime(scope: Page | Locator, legend: string, local: string) {
  const g = scope.getByRole('group', { name: legend, exact: true })
  const m = local.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/)
  const parts = m ? [String(Number(m[3])), String(Number(m[2])), m[1]!, m[4]!, m[5]!] : ['', '', '', '', '']
  const labels = ['Day', 'Month', 'Year', 'Hour', 'Minute']
  for (const [i, label] of labels.entries()) await g.getByLabel(label, { exact: true }).fill(parts[i]!)
}
