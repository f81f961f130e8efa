import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insightRequests } from '@hearth/db/schema/insight'
import {
  buildTestApp,
  freshDatabase,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

type Signed = Awaited<ReturnType<typeof signInAs>>
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let practitioner: Signed
let otherTeamPractitioner: Signed
let adviser: Signed
let admin: Signed
let familyId: string

const ask = (over: Record<string, unknown> = {}) => ({
  kind: 'consultation',
  topic: 'domestic_abuse',
  familyId,
  question:
    'Mum has told us her partner checks her phone and controls the money. What should we look for at the next visit, and how do we talk to her about it safely?',
  ...over,
})

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council)
  const team = await makeTeam(db, council, { patch })
  const otherTeam = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['TS9'] }) })
  const insightTeam = await makeTeam(db, council, { kind: 'insight' })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  otherTeamPractitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [otherTeam] })
  adviser = await signInAs(t.app, db, council, 'insight_adviser', { teams: [insightTeam] })
  admin = await signInAs(t.app, db, council, 'administrator')
  const family = await makeFamily(db, council, { patch })
  await makeChild(db, family)
  await makeAllocation(db, family, team, practitioner.person)
  familyId = family.id
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('waiting too long', () => {
  it('uses the council’s working days, and shows it plainly', async () => {
    expect((await admin.request('POST', '/api/insight/settings', { waitWorkingDays: 0 })).statusCode).toBe(400)
    expect((await admin.request('POST', '/api/insight/settings', { waitWorkingDays: 1 })).statusCode).toBe(201)
    expect((await adviser.request('GET', '/api/insight/settings')).json()).toEqual({
      waitWorkingDays: 1,
      councilOwn: true,
    })
    const old = (
      await practitioner.request(
        'POST',
        '/api/insight/requests',
        ask({ topic: 'mental_health', question: 'Dad’s low mood: what can we do before the GP appointment?' }),
      )
    ).json()
    await dbx.handle.db
      .update(insightRequests)
      .set({ askedAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(eq(insightRequests.id, old.id))
    const queue = (await adviser.request('GET', '/api/insight/requests?view=waiting')).json() as {
      id: string
      waitingTooLong: boolean
    }[]
    expect(queue.find((q) => q.id === old.id)!.waitingTooLong).toBe(true)
    expect(queue.filter((q) => q.id !== old.id).every((q) => !q.waitingTooLong)).toBe(true)
  })
})

describe('withdrawing', () => {
  it('the team withdraws a request no adviser has taken; it stays on record, marked', async () => {
    const r = (
      await practitioner.request(
        'POST',
        '/api/insight/requests',
        ask({ topic: 'disability', question: 'Do we need an occupational therapist for the stairs?' }),
      )
    ).json()
    expect((await adviser.request('POST', `/api/insight/requests/${r.id}/withdraw`)).statusCode).toBe(403)
    expect((await otherTeamPractitioner.request('POST', `/api/insight/requests/${r.id}/withdraw`)).statusCode).toBe(404)
    expect((await practitioner.request('POST', `/api/insight/requests/${r.id}/withdraw`)).statusCode).toBe(200)
    const [row] = await dbx.handle.db.select().from(insightRequests).where(eq(insightRequests.id, r.id))
    expect(row!.status).toBe('withdrawn')
    const take = await adviser.request('POST', `/api/insight/requests/${r.id}/take`)
    expect(take.statusCode).toBe(409)
    expect(take.json().error.message).toBe('The team withdrew this request.')
    expect(
      ((await adviser.request('GET', '/api/insight/requests?view=waiting')).json() as { id: string }[]).some(
        (q) => q.id === r.id,
      ),
    ).toBe(false)
    const chron = (await practitioner.request('GET', `/api/families/${familyId}/chronology`)).json() as {
      title: string
    }[]
    expect(chron.some((e) => e.title === 'Consultation asked for, then withdrawn: Disability')).toBe(true)
    // once taken, it is the adviser's to hand back, not the team's to withdraw
    const t2 = (
      await practitioner.request(
        'POST',
        '/api/insight/requests',
        ask({ topic: 'disability', question: 'And a hoist?' }),
      )
    ).json()
    await adviser.request('POST', `/api/insight/requests/${t2.id}/take`)
    expect((await practitioner.request('POST', `/api/insight/requests/${t2.id}/withdraw`)).statusCode).toBe(409)
  })
})
