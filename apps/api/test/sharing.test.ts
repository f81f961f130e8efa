import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { sharingDecisions } from '@hearth/db/schema/sharing'
import {
  buildTestApp,
  type Council,
  type Family,
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

/**
 * #21, information-sharing decisions (Children's Wellbeing and Schools Act 2026, s.4): recorded
 * on the child with what, with whom, why, by whom and when; kept as recorded; on the family's
 * chronology; exported for the council's audit. On real PostgreSQL.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let childId: string
let lead: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let admin: Awaited<ReturnType<typeof signInAs>>

const good = {
  decision: 'share',
  information: 'Dates of the last two home visits',
  recipientKind: 'health',
  recipient: 'Testwell health visiting team',
  reason: 'So the health visitor can check the baby is gaining weight',
  decidedOn: '2026-11-02',
}

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  const other = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch })
  childId = (await makeChild(db, family, { firstName: 'Sharey' })).id
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Lena Leadworth' })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [other] })
  admin = await signInAs(t.app, db, council, 'administrator')
  await makeAllocation(db, family, team, lead.person)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('information-sharing decisions', () => {
  it('a decision to share and one not to share are recorded, listed newest first, and audited', async () => {
    const shared = await lead.request('POST', `/api/children/${childId}/sharing-decisions`, good)
    expect(shared.statusCode, shared.body).toBe(201)
    expect(shared.json()).toMatchObject({ decision: 'share', decidedByName: 'Lena Leadworth', familyId: family.id })
    const withheld = await lead.request('POST', `/api/children/${childId}/sharing-decisions`, {
      ...good,
      decision: 'withhold',
      information: 'Mum’s new address',
      recipientKind: 'other',
      recipient: 'Dad’s solicitor',
      reason: 'Mum and the children are in a refuge: sharing it would put them at risk',
      decidedOn: '2026-11-20',
    })
    expect(withheld.statusCode).toBe(201)
    const list = (await lead.request('GET', `/api/children/${childId}/sharing-decisions`)).json()
    expect(list.decisions.map((d: { decision: string }) => d.decision)).toEqual(['withhold', 'share'])
    const rows = await dbx.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sharing.record'))
    expect(rows).toHaveLength(2)
    expect(rows[0]!.childId).toBe(childId)
  })

  it('a decision in the future is refused; another team cannot find the child', async () => {
    const later = await lead.request('POST', `/api/children/${childId}/sharing-decisions`, {
      ...good,
      decidedOn: '2099-01-01',
    })
    expect(later.statusCode).toBe(400)
    expect(later.json().error.details[0].field).toBe('body.decidedOn')
    expect((await elsewhere.request('POST', `/api/children/${childId}/sharing-decisions`, good)).statusCode).toBe(404)
    expect((await elsewhere.request('GET', `/api/children/${childId}/sharing-decisions`)).statusCode).toBe(404)
  })

  it('kept as recorded: the database refuses a change or a deletion', async () => {
    await expect(
      dbx.handle.db.execute(sql`update sharing_decisions set reason = 'changed' where council_id = ${council.id}`),
    ).rejects.toThrow()
    await expect(
      dbx.handle.db.execute(sql`delete from sharing_decisions where council_id = ${council.id}`),
    ).rejects.toThrow()
    expect(await dbx.handle.db.select().from(sharingDecisions)).toHaveLength(2)
  })

  it('on the family’s chronology, and in the council’s export for audit', async () => {
    const chron = (await lead.request('GET', `/api/families/${family.id}/chronology`)).json() as {
      kind: string
      title: string
    }[]
    expect(chron.filter((e) => e.kind === 'sharing').map((e) => e.title)).toEqual([
      'Information not shared about Sharey with Dad’s solicitor',
      'Information shared about Sharey with Testwell health visiting team',
    ])
    const csv = await admin.request('GET', '/api/sharing-decisions.csv?from=2026-11-01&to=2026-11-30')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('2026-11-02,Shared,')
    expect(lines[2]).toContain('Not shared')
    const none = await admin.request('GET', '/api/sharing-decisions.csv?from=2026-11-03&to=2026-11-19')
    expect(none.body.trim().split('\r\n')).toHaveLength(1)
    expect((await lead.request('GET', '/api/sharing-decisions.csv?from=2026-11-01&to=2026-11-30')).statusCode).toBe(403)
    const exported = await dbx.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sharing.export'))
    expect(exported[0]!.details).toMatchObject({ from: '2026-11-01', to: '2026-11-30' })
  })
})
