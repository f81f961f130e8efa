import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { families } from '@hearth/db/schema/families'
import { teamDecisions } from '@hearth/db/schema/team-board'
import {
  buildTestApp,
  type Family,
  freshDatabase,
  makeAllocation,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #13, Three Conversations: moving a family between them is the holding team's recorded
 * decision, with a reason and who was there, on the chronology; never a silent edit.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let family: Family
let lead: Awaited<ReturnType<typeof signInAs>>
let coWorker: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  const other = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [other] })
  await makeAllocation(db, family, team, lead.person, coWorker.person)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const stageNow = async () =>
  (await dbx.handle.db.select().from(families).where(eq(families.id, family.id)))[0]!.conversationStage

describe('moving a family between the Three Conversations', () => {
  it('is a team decision with a reason and who was there, in the log and on the chronology', async () => {
    const res = await lead.request('POST', `/api/families/${family.id}/conversation`, {
      stage: 2,
      reason: 'Mum was taken into hospital; the children need stability now.',
      presentIds: [lead.person.id, coWorker.person.id],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(await stageNow()).toBe(2)
    const [d] = await dbx.handle.db
      .select()
      .from(teamDecisions)
      .where(and(eq(teamDecisions.familyId, family.id), eq(teamDecisions.kind, 'stage')))
    expect(d!.summary).toMatch(/^Moved from conversation 1 to Conversation 2: .* Why: Mum was taken into hospital/)
    expect(d!.presentIds.sort()).toEqual([lead.person.id, coWorker.person.id].sort())
    const chronology = (await coWorker.request('GET', `/api/families/${family.id}/chronology`)).json() as {
      kind: string
      detail: string | null
    }[]
    expect(chronology.some((e) => e.kind === 'team_decision' && e.detail?.includes('Why: Mum was taken'))).toBe(true)
  })

  it('refuses a move to where the family already is, and another team, changing nothing', async () => {
    const same = await lead.request('POST', `/api/families/${family.id}/conversation`, { stage: 2, reason: 'Again' })
    expect(same.statusCode).toBe(400)
    expect(same.json().error.details[0].field).toBe('body.stage')
    const other = await elsewhere.request('POST', `/api/families/${family.id}/conversation`, {
      stage: 3,
      reason: 'Not our family',
    })
    expect(other.statusCode).toBe(404)
    expect(await stageNow()).toBe(2)
  })

  it('five moves at once: one happens, the others are refused', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        lead.request('POST', `/api/families/${family.id}/conversation`, { stage: 3, reason: 'Building a good life' }),
      ),
    )
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1)
    expect(answers.every((a) => [200, 400, 409].includes(a.statusCode))).toBe(true)
    expect(await stageNow()).toBe(3)
    const logged = await dbx.handle.db
      .select()
      .from(teamDecisions)
      .where(and(eq(teamDecisions.familyId, family.id), eq(teamDecisions.kind, 'stage')))
    expect(logged).toHaveLength(2)
  })
})
