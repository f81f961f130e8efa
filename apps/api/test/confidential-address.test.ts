import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTask } from '@hearth/db/enablers'
import { adminTasks } from '@hearth/db/schema/enablers'
import { families } from '@hearth/db/schema/families'
import { visits } from '@hearth/db/schema/visits'
import { TASK_TYPE_LIST, TASK_TYPES } from '@hearth/domain/admin-tasks'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeAdult,
  makeAllocation,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  makeVisit,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'
import { letterParagraphs } from '../src/modules/enablers/letters'
import { letterAddress, letterData } from '../src/modules/enablers/task-queries'

/**
 * #21, confidential addresses (a refuge): shown only to the staff named on it; never on a
 * letter, the family's link, a list or a search another can see. Every letter template and the
 * family's page are driven with a confidential address present, and fail if it appears.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let team: Team
let family: Family
let mumId: string
let lead: Awaited<ReturnType<typeof signInAs>>
let coWorker: Awaited<ReturnType<typeof signInAs>>
const LINE = '7 Hidden Refuge Road'
const POSTCODE = 'NM1 7ZZ'
const gives = (text: string) => text.includes(LINE) || text.replace(/\s/g, '').includes(POSTCODE.replace(/\s/g, ''))

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch, addressLine1: LINE, postcode: POSTCODE, name: 'Refugee family' })
  mumId = (await makeAdult(db, family, { name: 'Testmum Refugee' })).id
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  await makeAllocation(db, family, team, lead.person, coWorker.person)
  await makeVisit(db, family, team, lead.person, {
    startsAt: new Date(Date.now() + 86_400_000),
    place: `Home, ${LINE}, ${POSTCODE}`,
  })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('a confidential address', () => {
  it('is marked with why, naming who may see it; everyone else sees it withheld', async () => {
    const noWhy = await lead.request('PUT', `/api/families/${family.id}/address-confidentiality`, {
      confidential: true,
    })
    expect(noWhy.statusCode).toBe(400)
    expect(noWhy.json().error.details[0].field).toBe('body.reason')
    const res = await lead.request('PUT', `/api/families/${family.id}/address-confidentiality`, {
      confidential: true,
      reason: 'Mum and the children are in a refuge',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ addressConfidential: true, addressVisible: true, addressLine1: LINE })
    const seen = (await coWorker.request('GET', `/api/families/${family.id}`)).json()
    expect(seen).toMatchObject({ addressLine1: 'Confidential address', postcode: 'NM1', addressVisible: false })
    expect(JSON.stringify(seen)).not.toContain(LINE)
    // nor can they change it, or who sees it
    const change = await coWorker.request('PATCH', `/api/families/${family.id}`, { addressLine1: '1 Other Road' })
    expect(change.statusCode).toBe(400)
    expect(change.json().error.details[0].field).toBe('body.addressLine1')
    expect(
      (await coWorker.request('PUT', `/api/families/${family.id}/address-confidentiality`, { confidential: false }))
        .statusCode,
    ).toBe(403)
  })

  it('lists and searches do not give it away to those not named', async () => {
    const list = (await coWorker.request('GET', '/api/families?limit=200')).json() as { id: string; postcode: string }[]
    expect(list.find((f) => f.id === family.id)!.postcode).toBe('NM1')
    const byPostcode = (await coWorker.request('GET', `/api/families?q=${encodeURIComponent(POSTCODE)}`)).json()
    expect(byPostcode).toEqual([])
    const search = (await coWorker.request('GET', `/api/search?q=${encodeURIComponent(POSTCODE)}`)).json()
    expect(search.results).toEqual([])
    const named = (await lead.request('GET', `/api/search?q=${encodeURIComponent(POSTCODE)}`)).json()
    expect(named.results.map((r: { id: string }) => r.id)).toContain(family.id)
  })

  it('every letter template, with the address confidential, never prints it', async () => {
    const db = dbx.handle.db
    const [visit] = await db.select().from(visits).where(eq(visits.familyId, family.id))
    const letters = TASK_TYPE_LIST.filter((k) => TASK_TYPES[k].letter && k !== 'referrer_acknowledgement')
    expect(letters.length).toBeGreaterThanOrEqual(5)
    for (const taskType of letters) {
      const id = await createTask(db, {
        councilId: council.id,
        sourceKey: `conf:${taskType}`,
        taskType,
        teamId: team.id,
        familyId: family.id,
        visitId: visit!.id,
      })
      const [task] = await db.select().from(adminTasks).where(eq(adminTasks.id, id!))
      const data = await letterData(db, council.id, task!)
      const words = letterParagraphs(taskType, data)
      expect(gives(JSON.stringify(data)), `${taskType}: the letter's data`).toBe(false)
      expect(gives(JSON.stringify(words)), `${taskType}: the letter's words`).toBe(false)
    }
    const [f] = await db.select().from(families).where(eq(families.id, family.id))
    expect(letterAddress(f!)).toEqual(['By hand: the family’s address is confidential'])
  })

  it('the family’s link shows the visit “at your home”, never the address', async () => {
    const made = (
      await lead.request('POST', `/api/families/${family.id}/family-links`, { adultId: mumId, send: 'letter' })
    ).json()
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/link',
      headers: { 'x-family-link': made.url.split('#')[1] },
    })
    expect(res.statusCode).toBe(200)
    expect(gives(res.body)).toBe(false)
    expect(res.json().upcoming[0]).toMatchObject({ placeHidden: true, place: '' })
  })

  it('a place that is the address is withheld wherever it leaves the API, on every route (#31, cause 5)', async () => {
    const db = dbx.handle.db
    const enabler = await signInAs(t.app, db, council, 'enabler')
    const place = `Home, ${LINE}, ${POSTCODE}`
    const now = Date.now()
    // today's visit for the co-worker (My day), a past one to record, a task naming the place
    const today = await makeVisit(db, family, team, coWorker.person, { startsAt: new Date(now + 60_000), place })
    await makeVisit(db, family, team, coWorker.person, { startsAt: new Date(now - 2 * 86_400_000), place })
    await createTask(db, {
      councilId: council.id,
      sourceKey: `conf:interpreter:${today.id}`,
      taskType: 'interpreter_booking',
      teamId: team.id,
      familyId: family.id,
      visitId: today.id,
      details: `Polish interpreter at ${place}`,
    })
    const routes = [
      `/api/families/${family.id}/visits`,
      '/api/me/day',
      '/api/me/visits-to-record',
      `/api/families/${family.id}/chronology`,
      `/api/teams/${team.id}/board`,
    ]
    for (const path of routes) {
      const res = await coWorker.request('GET', path)
      expect(res.statusCode, path).toBe(200)
      expect(gives(res.body), path).toBe(false)
    }
    const queue = await enabler.request('GET', '/api/tasks?status=open')
    expect(queue.statusCode).toBe(200)
    expect(queue.body).toContain('Polish interpreter at')
    expect(gives(queue.body)).toBe(false)
    // the lead, named on it, still sees the place as written
    expect(gives((await lead.request('GET', `/api/families/${family.id}/visits`)).body)).toBe(true)
    // and every GET without an id, as each of them, answers without it
    const plain = t.app.routeTable.filter(
      // (the live stream never ends: it carries ids only)
      (r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':') && r.url !== '/api/events',
    )
    expect(plain.length).toBeGreaterThan(20)
    for (const who of [coWorker, enabler])
      for (const r of plain) {
        const res = await who.request('GET', r.url)
        expect(gives(res.body), r.url).toBe(false)
      }
  })
})
