import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { placeContactHold } from '@hearth/db/contact'
import { adminTasks } from '@hearth/db/schema/enablers'
import { TASK_TYPE_LIST, TASK_TYPES } from '@hearth/domain/admin-tasks'
import { CONTACT_HOLD_REASONS, type ContactHoldReason, FAMILY_CONTACT_TASKS } from '@hearth/domain/contact-holds'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeAdult,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTask,
  makeTeam,
  type Patch,
  type Session,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #31, contact safety by construction: every channel that reaches a family × every reason to hold
 * contact. The channels are read from the code (each task type says whom it reaches), so a new
 * letter or invitation is in this table the day it is added; the family's link is the other one.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let patch: Patch
let team: Team
let lead: Session & { person: { id: string } }

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
})
afterAll(async () => {
  await t?.close()
  await dbx?.drop()
})

const REASONS = Object.keys(CONTACT_HOLD_REASONS) as ContactHoldReason[]

describe('the contact gate', () => {
  it('every task type says whom it reaches; each reaching the family is a channel the gate holds', () => {
    for (const type of TASK_TYPE_LIST)
      expect(['family', 'referrer', 'attendees', 'staff']).toContain(TASK_TYPES[type].reaches)
    expect([...FAMILY_CONTACT_TASKS].sort()).toEqual(
      TASK_TYPE_LIST.filter((x) => TASK_TYPES[x].reaches === 'family').sort(),
    )
    // the letters Hearth sends home today, at the least
    expect(FAMILY_CONTACT_TASKS).toEqual(
      expect.arrayContaining([
        'visit_confirmation',
        'conference_invitations',
        'workers_letter',
        'letter_before_proceedings',
        'family_link_letter',
      ]),
    )
  })

  for (const reason of REASONS) {
    it(`${reason}: every letter home is held, those made before it too; no new link without the lead`, async () => {
      const db = dbx.handle.db
      const family = await makeFamily(db, council, { patch, name: `Gatetest ${reason}` })
      await makeChild(db, family, { firstName: 'Pim', lastName: 'Gatetest' })
      const adult = await makeAdult(db, family, { name: 'Gatetest Parent' })
      await makeAllocation(db, family, team, lead.person as never)
      // one of each channel made before the reason arose: open, with the enablers
      const before: string[] = []
      for (const taskType of FAMILY_CONTACT_TASKS) before.push((await makeTask(db, team, { taskType, family })).id)
      // and work for staff only, which no hold touches
      const staffOnly = await makeTask(db, team, { taskType: 'room_booking', family })
      const statuses = async (ids: string[]) =>
        db
          .select({ status: adminTasks.status, why: adminTasks.heldReason })
          .from(adminTasks)
          .where(and(eq(adminTasks.councilId, council.id), inArray(adminTasks.id, ids)))
      expect((await statuses(before)).map((r) => r.status)).toEqual(before.map(() => 'open'))

      await placeContactHold(db, { councilId: council.id, familyId: family.id, reason })
      const words = CONTACT_HOLD_REASONS[reason].toLowerCase()
      for (const r of await statuses(before)) expect(r).toEqual({ status: 'held', why: expect.stringContaining(words) })
      // each channel made now is held from the start, with why
      const during: string[] = []
      for (const taskType of FAMILY_CONTACT_TASKS) during.push((await makeTask(db, team, { taskType, family })).id)
      for (const r of await statuses(during)) expect(r).toEqual({ status: 'held', why: expect.stringContaining(words) })
      expect((await statuses([staffOnly.id]))[0]!.status).toBe('open')

      // the family's link: none issued while contact is held, whatever the reason
      const link = await lead.request('POST', `/api/families/${family.id}/family-links`, {
        adultId: adult.id,
        send: 'in_person',
      })
      expect(link.statusCode, link.body).toBe(409)
    })
  }
})
