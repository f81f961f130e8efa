import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, chooseCouncil, launchChromium } from '@hearth/test-kit/browser'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { startHttpApp } from '@hearth/test-kit/server'

let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let server: Awaited<ReturnType<typeof startHttpApp>>
let browser: Awaited<ReturnType<typeof launchChromium>>

beforeAll(async () => {
  dbx = await freshPgDatabase()
  await seedTwoCouncils(dbx.handle, 4)
  server = await startHttpApp(dbx.handle, '{browser}')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await dbx?.drop()
})

describe('in Chromium: the administrator', () => {
  it('signs in, adds a person to a team and sees them listed; each page passes axe', async () => {
    const page = await browser.context.newPage()
    await page.goto(server.url)
    await page.waitForURL(/\/sign-in$/)
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor()
    expect(await axeViolations(page)).toEqual([])

    // A wrong password shows the error summary, focused
    await chooseCouncil(page, 'admin@northmoor.example')
    await page.getByLabel('Email address').fill('admin@northmoor.example')
    await page.getByLabel('Password').fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('There is a problem').waitFor()
    expect(await page.getByText('That email and password do not match an account.').isVisible()).toBe(true)

    await page.getByLabel('Password').fill('hearth-demo-2026')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor()
    expect(await axeViolations(page)).toEqual([])

    // one "Administration" link in the menu; every setting grouped on its page
    const menu = page.getByRole('navigation', { name: 'Menu' })
    expect(await menu.getByRole('link', { name: 'Teams' }).count()).toBe(0)
    await menu.getByRole('link', { name: 'Administration' }).click()
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor()
    for (const heading of [
      'People and roles',
      'Teams and patches',
      'Timescales, checks and settings',
      'Audit and failed jobs',
    ])
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor()
    for (const setting of ['Bank holidays', 'Timescales', 'Copy-paste check', 'Family links', 'Information sharing'])
      await page.getByRole('link', { name: setting, exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    // at 375 px the menu stays short enough to read
    await page.setViewportSize({ width: 375, height: 800 })
    await menu.getByRole('button', { name: 'Menu' }).click()
    expect(await menu.getByRole('listitem').count()).toBeLessThanOrEqual(8)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('link', { name: 'Teams', exact: true }).click()
    await page.getByRole('heading', { name: 'Teams', exact: true }).waitFor()
    await page.getByRole('link', { name: 'Insight team' }).click()
    await page.getByRole('heading', { name: 'Insight team' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    const members = page.getByRole('table')
    expect(await members.getByText('Priya Practitioner').count()).toBe(0)

    await page.getByLabel('Person').selectOption({ label: 'Priya Practitioner (practitioner@northmoor.example)' })
    await page.getByRole('button', { name: 'Add to team' }).click()
    await page.getByText('Priya Practitioner has joined the team.').waitFor()
    await members.getByRole('cell', { name: 'Priya Practitioner', exact: true }).waitFor()

    // it is really saved: a fresh page load shows them too
    await page.reload()
    await page.getByRole('table').getByRole('cell', { name: 'Priya Practitioner', exact: true }).waitFor()

    // the team's phone line, which letters give families: a wrong one is refused in words
    const phone = page.getByLabel('The team’s phone number')
    await phone.fill('ring us')
    await page.getByRole('button', { name: 'Save the phone line' }).click()
    await page.getByText('There is a problem').waitFor()
    await phone.fill('01632 960 199')
    await page.getByRole('button', { name: 'Save the phone line' }).click()
    await page.getByText('Saved. Letters from now on give this number.').waitFor()
    await page.reload()
    expect(await page.getByLabel('The team’s phone number').inputValue()).toBe('01632 960 199')
    await page.close()
  })
  it('adds a person, whose role waits for a second administrator, who approves it', async () => {
    const signIn = async (email: string) => {
      await browser.context.clearCookies() // one browser, one person at a time
      const page = await browser.context.newPage()
      await page.goto(`${server.url}/sign-in`)
      await chooseCouncil(page, email)
      await page.getByLabel('Email address').fill(email)
      await page.getByLabel('Password').fill('hearth-demo-2026')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByRole('heading', { name: /^Hello/ }).waitFor()
      return page
    }
    const ada = await signIn('admin@northmoor.example')
    await ada.goto(`${server.url}/admin/people/new`)
    await ada.getByLabel('Full name').fill('Wren Waiting')
    await ada.getByLabel('Email address').fill('wren.waiting@northmoor.example')
    await ada.getByLabel('Enabler').check()
    await ada.getByLabel('First password').fill('a-long-first-password')
    await ada.getByRole('button', { name: 'Add person' }).click()
    await ada.getByRole('heading', { name: 'Wren Waiting' }).waitFor()
    await ada.getByText('Waiting for a second administrator').waitFor()
    await ada.goto(`${server.url}/admin/people`)
    const waiting = ada.getByRole('table', { name: 'Roles and passwords waiting for a second administrator' })
    await waiting.getByText('Another administrator decides this').waitFor()
    expect(await waiting.getByRole('button', { name: /Approve/ }).count()).toBe(0)
    await ada.close()

    // the second administrator is told on their home page
    const abel = await signIn('abel.adminson@northmoor.example')
    const told = abel.getByRole('region', { name: 'Waiting for your approval' })
    await told.getByText('1 role or password asked for by another administrator.').waitFor()
    expect(await axeViolations(abel)).toEqual([])
    await told.getByRole('link', { name: 'Approve or refuse them' }).click()
    await abel.getByRole('button', { name: 'Approve Enabler for Wren Waiting' }).click()
    await abel.getByRole('status').getByText('Approved: Enabler for Wren Waiting.').waitFor()
    await abel
      .getByRole('table', { name: 'Roles and passwords waiting for a second administrator' })
      .waitFor({ state: 'detached' })
    const row = abel.getByRole('row').filter({ hasText: 'Wren Waiting' })
    await row.getByText('Enabler').waitFor()
    expect(await axeViolations(abel)).toEqual([])
    await abel.close()
  })
})
