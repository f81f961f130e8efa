import { limit } from '@hearth/test-kit/time'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '@hearth/db/client'
import { seedDemoCouncil, type SeededCouncil } from '@hearth/db/seed/demo'
import { makeTestApp, signInAs, type TestApp } from '@hearth/test-kit/app'
import { heldFamilyId, testPasswordHash } from '@hearth/test-kit/db'

/** The insight team's paths on the embedded database (what `npm start` runs), seeded as the demo is. */
let lite: DbHandle
let t: TestApp
let seeded: SeededCouncil

beforeAll(async () => {
  lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
  await lite.migrate()
  seeded = (await seedDemoCouncil(lite.db, {
    familyCount: 14,
    passwordHash: await testPasswordHash(),
    emailDomain: 'northmoor.example',
  }))!
  t = await makeTestApp(lite)
}, limit(60_000))
afterAll(async () => {
  await t?.close()
  await lite?.close()
})

describe('insight on PGlite', () => {
  it('the demo has insight work; directory import and export round-trip; figures compute', async () => {
    const insight = await signInAs(t.app, 'insight@northmoor.example')
    const waiting = (await insight.request('GET', '/api/insight/requests?view=waiting')).json() as {
      waitingTooLong: boolean
      kind: string
    }[]
    expect(waiting.map((r) => r.kind).sort()).toEqual(['coaching', 'consultation'])
    expect(waiting.some((r) => r.waitingTooLong)).toBe(true)
    expect(((await insight.request('GET', '/api/commissions?view=waiting')).json() as unknown[]).length).toBe(1)
    const sample = readFileSync(join(__dirname, '../../../test/fixtures/open-referral-sample.json'), 'utf8')
    const imported = await insight.request('POST', '/api/directory/import', { content: sample })
    expect(imported.statusCode, imported.body).toBe(200)
    expect(imported.json()).toMatchObject({ services: 3, created: 3 })
    const exported = JSON.parse((await insight.request('GET', '/api/directory/export')).body) as { content: unknown[] }
    expect(exported.content).toHaveLength(8 + 3)
    const figures = await insight.request('GET', '/api/figures/teams?weeks=4')
    expect(figures.statusCode, figures.body).toBe(200)
    const teams = figures.json().teams as { weeks: { familiesHeld: number; consultationsAsked: number }[] }[]
    expect(teams).toHaveLength(3)
    expect(teams.reduce((s, x) => s + x.weeks[3]!.familiesHeld, 0)).toBeGreaterThan(0)
  })

  it('consultation advice and a commission at the threshold', async () => {
    const practitioner = await signInAs(t.app, 'practitioner@northmoor.example')
    const adviser = await signInAs(t.app, 'ivan.inglewood@northmoor.example')
    const familyId = await heldFamilyId(lite, seeded.councilId, practitioner.personId)
    const r = (
      await practitioner.request('POST', '/api/insight/requests', {
        kind: 'consultation',
        topic: 'legal_threshold',
        familyId,
        question: 'Are we at the threshold for pre-proceedings?',
      })
    ).json()
    expect((await adviser.request('POST', `/api/insight/requests/${r.id}/take`)).statusCode).toBe(200)
    expect(
      (
        await adviser.request('POST', `/api/insight/requests/${r.id}/advice`, {
          advice:
            'Not yet: write the letter before proceedings only if the home conditions do not improve within four weeks.',
        })
      ).statusCode,
    ).toBe(200)
    const chron = (await practitioner.request('GET', `/api/families/${familyId}/chronology`)).json() as {
      title: string
    }[]
    expect(
      chron.some((e) => e.title === 'Consultation advice: Legal threshold (pre-proceedings or care proceedings)'),
    ).toBe(true)
    const c = (
      await practitioner.request('POST', `/api/families/${familyId}/commissions`, {
        need: 'Parenting assessment',
        why: 'Court may ask for one; nothing listed does it.',
        familyView: 'Mum agrees.',
        weeks: 10,
        budgetPence: 1_000_000,
      })
    ).json()
    expect((await adviser.request('POST', `/api/commissions/${c.id}/take`)).statusCode).toBe(200)
    const rec = await adviser.request('POST', `/api/commissions/${c.id}/record`, {
      providerName: 'Invented Assessments Ltd',
      weeklyPence: 100_000,
      startDate: '2027-01-04',
      endDate: '2027-03-14',
    })
    expect(rec.statusCode, rec.body).toBe(200)
    expect(rec.json()).toMatchObject({ totalPence: 1_000_000, route: 'strategy', proposalStatus: 'awaiting_strategy' })
  })
  it('notes on PGlite: a note is finalised with its signature, a copy is flagged, the trigger keeps it', async () => {
    const p = await signInAs(t.app, 'practitioner@northmoor.example')
    const familyId = await heldFamilyId(lite, seeded.councilId, p.personId)
    const family = (await p.request('GET', `/api/families/${familyId}`)).json() as { children: { id: string }[] }
    const story = {
      children: family.children.map((c) => ({ childId: c.id, seen: 'seen' })),
      worries: 'The boiler is broken again and the children have been sleeping in their coats this week.',
    }
    const first = (await p.request('POST', `/api/families/${familyId}/notes`, story)).json()
    expect((await p.request('POST', `/api/notes/${first.id}/finalise`)).statusCode).toBe(200)
    const copy = (await p.request('POST', `/api/families/${familyId}/notes`, story)).json()
    expect((await p.request('POST', `/api/notes/${copy.id}/finalise`)).statusCode).toBe(409)
    const similar = (await p.request('GET', `/api/notes/${copy.id}/similar`)).json()
    expect(similar[0].noteId).toBe(first.id)
    await expect(lite.db.execute(`update notes set worries = 'x' where id = '${first.id}'`)).rejects.toThrow()
  })
  it('the plan on PGlite: the demo plan has its history; a change with a stale version changes nothing', async () => {
    const p = await signInAs(t.app, 'practitioner@northmoor.example')
    const familyId = await heldFamilyId(lite, seeded.councilId, p.personId)
    const plan = (await p.request('GET', `/api/families/${familyId}/plan`)).json() as {
      items: { id: string; version: number; status: string; history: { kind: string }[] }[]
    }
    expect(plan.items.length).toBeGreaterThanOrEqual(4)
    expect(plan.items.some((i) => i.history.some((h) => h.kind === 'changed'))).toBe(true)
    const open = plan.items.find((i) => i.status === 'to_do')!
    const done = await p.request('POST', `/api/plan-items/${open.id}/status`, { version: open.version, status: 'done' })
    expect(done.statusCode, done.body).toBe(200)
    const stale = await p.request('POST', `/api/plan-items/${open.id}/status`, {
      version: open.version,
      status: 'not_done',
      reason: 'Too late',
    })
    expect(stale.statusCode).toBe(409)
    await expect(lite.db.execute(`delete from plan_changes where item_id = '${open.id}'`)).rejects.toThrow()
  })
  it('withdrawing a waiting consultation or commission answers, and Hearth answers after it (#31: it froze)', async () => {
    const p = await signInAs(t.app, 'practitioner@northmoor.example')
    const familyId = await heldFamilyId(lite, seeded.councilId, p.personId)
    const within = <T>(what: Promise<T>) =>
      Promise.race([what, new Promise<never>((_, no) => setTimeout(() => no(new Error('no answer in 10 s')), 10_000))])
    const r = (
      await p.request('POST', '/api/insight/requests', {
        kind: 'consultation',
        topic: 'legal_threshold',
        familyId,
        question: 'Do we still need this?',
      })
    ).json()
    expect((await within(p.request('POST', `/api/insight/requests/${r.id}/withdraw`))).statusCode).toBe(200)
    const c = (
      await p.request('POST', `/api/families/${familyId}/commissions`, {
        need: 'Play therapy',
        why: 'Nothing listed does it.',
        familyView: 'Agreed.',
        weeks: 6,
        budgetPence: 120_000,
      })
    ).json()
    expect((await within(p.request('POST', `/api/commissions/${c.id}/withdraw`))).statusCode).toBe(200)
    expect((await within(p.request('GET', `/api/families/${familyId}`))).statusCode).toBe(200)
  })
})
