import { limit } from '@hearth/test-kit/time'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

/**
 * On a 375 px phone the pages a practitioner and a referral officer use most fit the screen (no
 * sideways scrolling), the menu folds behind a "Menu" button, and every page has its own title;
 * after moving to a page, focus is on its heading, and the menu marks where you are.
 */
let stage: BrowserStage
const browsers: Awaited<ReturnType<typeof launchChromium>>[] = []

beforeAll(async () => {
  stage = await browserStage('{browser-phone}')
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await stage?.close()
})

async function as(email: string, phone: boolean): Promise<Page> {
  const b = await launchChromium()
  browsers.push(b)
  const page = await signInPage(b.context, stage.server.url, email)
  if (phone) await page.setViewportSize({ width: 375, height: 812 })
  return page
}

/**
 * Every control on the page smaller than 24 × 24 px (WCAG 2.2 target size): buttons, link
 * buttons, selects, text boxes, disclosure summaries and menu links. Links inside a sentence are
 * WCAG's own exception and are not counted.
 */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a.govuk-button, select, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), summary, nav a',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(
        ({ el, r }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      ),
  )

const fitsTheScreen = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))

describe('in Chromium: on a phone', () => {
  it('team board, My day, the family page and the referral form fit 375 px; the menu folds away', async () => {
    const p = await as('practitioner@northmoor.example', true)
    const teamId = stage.seeded.a.teamIds['Eastfield family team']!
    const pages: [string, string][] = [
      ['/', 'My day'],
      [`/teams/${teamId}/board`, 'Team board'],
      [`/families/${stage.family.id}`, 'Family page'],
    ]
    for (const [path, what] of pages) {
      await p.goto(`${stage.server.url}${path}`)
      await p.locator('h1').first().waitFor()
      await p.waitForLoadState('networkidle')
      const w = await fitsTheScreen(p)
      expect(w.scrollWidth, `${what}: no sideways scrolling`).toBeLessThanOrEqual(w.clientWidth)
      expect(await axeViolations(p), what).toEqual([])
      expect(await smallTargets(p), `${what}: touch targets of 24 px or more`).toEqual([])
    }
    // the menu is behind a button, and opens
    const menu = p.getByRole('button', { name: 'Menu' })
    await menu.waitFor()
    expect(
      await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).isVisible(),
    ).toBe(false)
    await menu.click()
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team board' }).click()
    await p.getByRole('heading', { name: 'Eastfield family team', exact: true, level: 1 }).waitFor()
    // touch targets: the claim buttons and menu button are at least 24 px each way
    const box = await menu.boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(24)

    const r = await as('referrals@northmoor.example', true)
    await r.goto(`${stage.server.url}/referrals/new`)
    await r.getByRole('heading', { name: 'Record a referral' }).waitFor()
    const w = await fitsTheScreen(r)
    expect(w.scrollWidth, 'referral form: no sideways scrolling').toBeLessThanOrEqual(w.clientWidth)
    expect(await axeViolations(r)).toEqual([])
    expect(await smallTargets(r), 'referral form: touch targets of 24 px or more').toEqual([])
  })
})

describe('in Chromium: every page its own title', () => {
  it('titles are unique per page; focus moves to the heading; the menu marks the current page', async () => {
    const p = await as('practitioner@northmoor.example', false)
    const teamId = stage.seeded.a.teamIds['Eastfield family team']!
    const paths = [
      '/',
      `/teams/${teamId}/board`,
      `/teams/${teamId}/decisions`,
      '/families',
      `/families/${stage.family.id}`,
      '/directory',
    ]
    const titles: string[] = []
    for (const path of paths) {
      await p.goto(`${stage.server.url}${path}`)
      await p.locator('h1').first().waitFor()
      await p.waitForLoadState('networkidle')
      const title = await p.title()
      expect(title, path).toMatch(/ — Hearth$/)
      titles.push(title)
    }
    expect(new Set(titles).size, titles.join(' | ')).toBe(titles.length)
    expect(titles[1]).toBe('Team board — Eastfield family team — Hearth')

    // moving through the menu: focus lands on the new page's heading; the link is marked current
    await p.goto(`${stage.server.url}/`)
    await p.locator('h1').first().waitFor()
    const nav = p.getByRole('navigation', { name: 'Menu' })
    await nav.getByRole('link', { name: 'Team board' }).click()
    await p.getByRole('heading', { name: 'Eastfield family team' }).waitFor()
    await p.waitForFunction(() => document.activeElement?.tagName === 'H1')
    expect(await nav.getByRole('link', { name: 'Team board' }).getAttribute('aria-current')).toBe('page')
    expect(await nav.locator('[aria-current="page"]').count()).toBe(1)
  })
})

/** A date written as a machine writes it (2026-12-07), or a time with seconds (14:30:05). */
const MACHINE_DATE = /\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b|\b\d{1,2}:\d{2}:\d{2}\b/g

describe('in Chromium: every page on a 375 px phone (#32)', () => {
  it(
    'no page a member of staff opens scrolls sideways, fails axe, or shows a date as 2026-12-07 or a time with seconds',
    async () => {
      const teamId = stage.seeded.a.teamIds['Eastfield family team']!
      const f = stage.family.id
      const walks: [string, string[]][] = [
        [
          'practitioner@northmoor.example',
          [
            '/',
            `/teams/${teamId}/board`,
            `/teams/${teamId}/decisions`,
            '/families',
            `/families/${f}`,
            `/families/${f}/plan`,
            `/families/${f}/network`,
            `/families/${f}/family-link`,
            `/families/${f}/family-link/preview`,
            `/families/${f}/family-meetings`,
            `/families/${f}/export`,
            '/directory',
            '/me/conflicts',
          ],
        ],
        ['referrals@northmoor.example', ['/referrals', '/referrals/new']],
        ['enabler@northmoor.example', ['/tasks']],
        [
          'insight@northmoor.example',
          ['/insight', '/insight/commissioning', '/figures', '/council', '/returns/census'],
        ],
        ['strategy@northmoor.example', ['/strategy']],
        ['governance@northmoor.example', ['/subject-access', '/break-glass-openings']],
        [
          'admin@northmoor.example',
          [
            '/admin',
            '/admin/bank-holidays',
            '/admin/people',
            '/admin/people/new',
            '/admin/teams',
            '/admin/patches',
            '/admin/timescales',
            '/admin/jobs',
            '/admin/audit',
            '/admin/note-check',
            '/admin/sharing',
            '/admin/thresholds',
            '/admin/task-settings',
            '/admin/family-links',
            '/returns/annex-a',
          ],
        ],
      ]
      const found: string[] = []
      const wide: string[] = []
      const axe: string[] = []
      for (const [email, paths] of walks) {
        const p = await as(email, true)
        for (const path of paths) {
          await p.goto(`${stage.server.url}${path}`)
          await p.locator('h1').first().waitFor()
          await p.waitForLoadState('networkidle')
          const text = await p.evaluate(() => document.querySelector('main')?.textContent ?? '')
          for (const m of text.matchAll(MACHINE_DATE)) found.push(`${path}: ${m[0]}`)
          const w = await fitsTheScreen(p)
          if (w.scrollWidth > w.clientWidth) wide.push(`${path}: ${w.scrollWidth - w.clientWidth} px too wide`)
          for (const v of await axeViolations(p)) axe.push(`${path}: ${JSON.stringify(v).slice(0, 200)}`)
        }
        await p.close()
      }
      expect(found).toEqual([])
      expect(wide).toEqual([])
      expect(axe).toEqual([])
    },
    limit(420_000),
  )
})
