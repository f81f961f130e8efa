import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { children } from '@hearth/db/schema/families'
import { networkLinks, networkPeople } from '@hearth/db/schema/network'
import { axeViolations, launchChromium, signInPage } from '@hearth/test-kit/browser'
import { pdfText } from '@hearth/test-kit/pdf-text'
import { browserStage, type BrowserStage } from '@hearth/test-kit/stage'

/** The adults around a child are added from the family's page, not only through the API. */
let stage: BrowserStage
let browser: Awaited<ReturnType<typeof launchChromium>>

beforeAll(async () => {
  stage = await browserStage('{browser-people}')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await stage?.close()
})

describe('in Chromium: the people around the children', () => {
  it('a practitioner adds a mother’s partner and how he is related to the child', async () => {
    const p = await signInPage(browser.context, stage.server.url, 'practitioner@northmoor.example')
    await p.goto(`${stage.server.url}/families/${stage.family.id}`)
    await p.getByText('Add a person in the children’s lives', { exact: true }).click()
    // a mistake first: no name
    await p.getByRole('button', { name: 'Add the person' }).click()
    const summary = p.locator('.govuk-error-summary')
    await summary.getByRole('link', { name: 'Enter their name' }).click()
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('person-name')

    await p.getByLabel('Their name').fill('Sam Testley')
    await p.getByLabel('Who they are (optional)').fill('Mum’s partner')
    await p.getByLabel('Do they live with the family?').selectOption('yes')
    await p
      .getByLabel(/^How are they related to /)
      .first()
      .selectOption('step_parent')
    await p.getByLabel('What is going well between them (optional)').first().fill('Takes him to football.')
    await p.getByRole('button', { name: 'Add the person' }).click()
    await p.getByRole('status').filter({ hasText: 'Sam Testley is added.' }).waitFor()
    const item = p.getByRole('listitem').filter({ hasText: 'Sam Testley' })
    await item.getByText('(Mum’s partner), lives with the family.', { exact: false }).waitFor()
    await item.getByText(/is step-parent or a parent’s partner to .*Going well: Takes him to football\./).waitFor()
    expect(await axeViolations(p)).toEqual([])
  })
  it('the network: a grandparent recorded with the keyboard, a closeness changed, the list in words', async () => {
    const db = stage.dbx.handle.db
    const kids = await db.select().from(children).where(eq(children.familyId, stage.family.id))
    const child = `${kids[0]!.firstName} ${kids[0]!.lastName}`
    const p = await browser.context.newPage() // signed in above
    await p.goto(`${stage.server.url}/families/${stage.family.id}`)
    await p.getByRole('link', { name: 'Everyone around the children, and how they are related' }).click()
    await p.getByRole('heading', { name: 'The people around the children' }).waitFor()
    // the adult added on the family page is here, with how he is related
    await p
      .getByText(/^Sam Testley is the step-parent of /)
      .first()
      .waitFor()
    const type = async (field: ReturnType<Page['getByLabel']>, text: string) => {
      await field.focus()
      await p.keyboard.type(text)
    }
    const press = async (target: ReturnType<Page['getByLabel']>, key: string) => {
      await target.focus()
      await p.keyboard.press(key)
    }
    const add = p.getByRole('region', { name: 'Add someone' })
    await type(add.getByLabel('Name', { exact: true }), 'Nan Testgrove')
    await press(add.getByLabel('Female', { exact: true }), 'Space')
    await type(add.getByLabel('Year born (optional)'), '1957')
    await press(add.getByRole('button', { name: 'Add to the network' }), 'Enter')
    await add.getByRole('status').filter({ hasText: 'Nan Testgrove is in the network.' }).waitFor()

    const rel = p.getByRole('region', { name: 'Record a relationship' })
    await rel.getByLabel('The first person').selectOption({ label: 'Nan Testgrove' })
    await rel.getByLabel('How are they related?').selectOption('grandparent_of')
    await rel.getByLabel('The second person').selectOption({ label: child })
    await press(rel.getByLabel('Close', { exact: true }), 'Space')
    await type(rel.getByLabel('What is good about it (optional)'), 'Sunday dinners every week.')
    await press(rel.getByRole('button', { name: 'Record the relationship' }), 'Enter')
    await rel.getByRole('status').filter({ hasText: 'Recorded:' }).waitFor()

    // in words, in her row of the family tree
    const grand = p.getByRole('heading', { name: 'Their grandparents’ generation' })
    await grand.waitFor()
    const card = p.locator('.hearth-card').filter({ hasText: `Nan Testgrove is the grandparent of ${child}` })
    await card
      .getByText('Close;', { exact: false })
      .or(card.getByText(/Close\./))
      .first()
      .waitFor()
    expect(await axeViolations(p)).toEqual([])

    // closeness changed, with why, from the keyboard
    await press(card.getByRole('button', { name: /^Change/ }), 'Enter')
    await press(card.getByLabel('In conflict', { exact: true }), 'Space')
    await type(card.getByLabel('Why is it changing?'), 'A row about the school run.')
    await press(card.getByRole('button', { name: 'Save the change' }), 'Enter')
    await card.getByText(/In conflict/).waitFor()
    expect(await axeViolations(p)).toEqual([])
    const [nan] = await db.select().from(networkPeople).where(eq(networkPeople.name, 'Nan Testgrove'))
    const [l] = await db.select().from(networkLinks).where(eq(networkLinks.fromId, nan!.id))
    expect(l).toMatchObject({
      kind: 'grandparent_of',
      closeness: 'conflict',
      good: 'Sunday dinners every week.',
      version: 2,
    })
    await p.close()
  })
  it('the network drawn: a family tree and an ecomap; a closeness changed and a relationship drawn on it', async () => {
    const db = stage.dbx.handle.db
    const p = await browser.context.newPage() // signed in above
    const errors: string[] = []
    p.on('pageerror', (e) => errors.push(e.message))
    await p.goto(`${stage.server.url}/families/${stage.family.id}/network`)
    const map = p.locator('.hearth-map')
    await map.locator('.react-flow__node-person').first().waitFor()
    const family = await p.locator('section[aria-labelledby="network-people"] .hearth-card').count()
    expect(await map.getAttribute('aria-label')).toMatch(/^Family tree of \d+ people over 3 generations\./)
    // Nan above the parents above the children
    const rowOf = async (name: string) =>
      (await map.locator('.react-flow__node-person').filter({ hasText: name }).boundingBox())!.y
    const kids = await db.select().from(children).where(eq(children.familyId, stage.family.id))
    const child = `${kids[0]!.firstName} ${kids[0]!.lastName}`
    expect(await rowOf('Nan Testgrove')).toBeLessThan(await rowOf('Sam Testley'))
    expect(await rowOf('Sam Testley')).toBeLessThan(await rowOf(child))
    expect(await map.locator('.react-flow__node-person').count()).toBeLessThanOrEqual(family)
    console.info(`family tree laid out in ${await map.getAttribute('data-layout-ms')} ms`)
    expect(await axeViolations(p)).toEqual([])

    // the ecomap: the child at the centre; choose the red line to Nan and say they are close again
    await p.getByRole('button', { name: 'Ecomap' }).click()
    await p.locator('.hearth-map[data-view="ecomap"] .react-flow__node-person').first().waitFor()
    expect(await map.getAttribute('aria-label')).toMatch(/^Ecomap: .+ at the centre/)
    await map.locator('.react-flow__edge').filter({ hasText: 'In conflict' }).first().click()
    const panel = p.getByRole('region', { name: `Nan Testgrove is the grandparent of ${child}` })
    await panel.getByLabel('Close', { exact: true }).check()
    await panel.getByLabel('Why is it changing?').fill('They made up at the school fair.')
    await panel.getByRole('button', { name: 'Save' }).click()
    await panel.waitFor({ state: 'detached' })
    // the list says the same
    const card = p.locator('.hearth-card').filter({ hasText: `Nan Testgrove is the grandparent of ${child}` })
    await card
      .getByText(/^Close\./)
      .or(card.getByText('Close.', { exact: false }))
      .first()
      .waitFor()

    // a relationship drawn: from Nan to Sam
    const handle = (name: string, kind: 'source' | 'target') =>
      map.locator('.react-flow__node-person').filter({ hasText: name }).locator(`.react-flow__handle.${kind}`)
    const from = (await handle('Nan Testgrove', 'source').boundingBox())!
    const to = (await handle('Sam Testley', 'target').boundingBox())!
    await p.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await p.mouse.down()
    await p.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
    await p.mouse.up()
    const connect = p.getByRole('region', { name: 'How are Nan Testgrove and Sam Testley related?' })
    await connect.getByLabel('How are they related?').selectOption('friend_of')
    await connect.getByRole('button', { name: 'Record the relationship' }).click()
    await p.locator('.hearth-card').filter({ hasText: 'Nan Testgrove is a friend of Sam Testley' }).waitFor()
    expect(await axeViolations(p)).toEqual([])
    const [nan] = await db.select().from(networkPeople).where(eq(networkPeople.name, 'Nan Testgrove'))
    const links = await db.select().from(networkLinks).where(eq(networkLinks.fromId, nan!.id))
    expect(links.map((l) => [l.kind, l.closeness]).sort()).toEqual([
      ['friend_of', 'ordinary'],
      ['grandparent_of', 'close'],
    ])
    // "Add someone" on the drawing takes you to the form
    await p.getByRole('button', { name: 'Add someone' }).click()
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('name')
    expect(errors).toEqual([])
    await p.close()
  })

  it('contact not safe is drawn: a red line labelled "Not safe", the person marked, a key, the summary and paper say it (#32)', async () => {
    const db = stage.dbx.handle.db
    const [nan] = await db.select().from(networkPeople).where(eq(networkPeople.name, 'Nan Testgrove'))
    const [toChild] = await db
      .select()
      .from(networkLinks)
      .where(eq(networkLinks.fromId, nan!.id))
      .then((ls) => ls.filter((l) => l.kind === 'grandparent_of'))
    await db.update(networkLinks).set({ contactSafe: 'no' }).where(eq(networkLinks.id, toChild!.id))
    const kids = await db.select().from(children).where(eq(children.familyId, stage.family.id))
    const child = `${kids[0]!.firstName} ${kids[0]!.lastName}`

    const p = await browser.context.newPage()
    await p.goto(`${stage.server.url}/families/${stage.family.id}/network`)
    const map = p.locator('.hearth-map')
    await map.locator('.react-flow__node-person').first().waitFor()
    // the family tree draws no grandparent line of its own: the danger is drawn over it all the same
    const line = map.locator('.react-flow__edge').filter({ hasText: 'Not safe' })
    await line.first().waitFor()
    const stroke = await line.first().locator('path.react-flow__edge-path').getAttribute('style')
    expect(stroke).toMatch(/stroke: (rgb\(212, 53, 28\)|#d4351c)/)
    await map.locator('.react-flow__node-person').filter({ hasText: 'Nan Testgrove' }).getByText('Not safe').waitFor()
    const key = map.getByTestId('map-legend')
    await expect.poll(() => key.textContent()).toContain('Not safe')
    expect(await map.getAttribute('aria-label')).toContain(`Nan Testgrove and ${child}: not safe`)
    expect(await axeViolations(p)).toEqual([])

    // the ecomap the same, with how close they are
    await p.getByRole('button', { name: 'Ecomap' }).click()
    await p.locator('.hearth-map[data-view="ecomap"] .react-flow__node-person').first().waitFor()
    await map
      .locator('.react-flow__edge')
      .filter({ hasText: /^Not safe \(close\)$/ })
      .first()
      .waitFor()
    expect(await map.getAttribute('aria-label')).toContain(`Nan Testgrove and ${child}: not safe`)

    // named and dated on the drawing, and in the download's name
    const esc = stage.family.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const day = '\\d{1,2} [A-Z][a-z]+ \\d{4}'
    expect(await map.getByTestId('map-name').textContent()).toMatch(new RegExp(`^${esc}: ecomap, ${day}$`))
    const [file] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download as an image' }).click(),
    ])
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${esc} - ecomap - ${day}\\.png$`))
    // back to the tree: refitted, every person inside the frame
    await p.getByRole('button', { name: 'Family tree' }).click()
    await p.locator('.hearth-map[data-view="genogram"] .react-flow__node-person').first().waitFor()
    const frame = (await map.boundingBox())!
    const outside = () =>
      map.locator('.react-flow__node-person').evaluateAll(
        (els, f) =>
          els
            .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
            .filter(
              ({ r }) =>
                r.left < f.x - 1 || r.top < f.y - 1 || r.right > f.x + f.width + 1 || r.bottom > f.y + f.height + 1,
            )
            .map(({ text }) => text),
        frame,
      )
    // the refit runs on the next frame: asked again until it has
    await expect.poll(outside).toEqual([])

    // and on paper
    const printed = await pdfText(await p.pdf({ format: 'A4' }))
    expect(printed).toContain('Not safe')
    expect(printed).toContain('Key')
    await p.close()
  })
})
