import { eq, sql } from 'drizzle-orm'
import type { DbHandle } from '@hearth/db/client'
import { councils } from '@hearth/db/schema/councils'
import { children, families } from '@hearth/db/schema/families'
import { memberships, patches, people, teams } from '@hearth/db/schema/organisation'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { testPasswordHash } from './db'

/**
 * A fresh family-facing team ("Testfield", NM7) of eight practitioners, and the referral officer
 * who received its families, with `familyCount` families
 * (1–3 children each) waiting on its board. Inserted directly: the subject of these tests is claiming.
 */
export async function boardFixture(handle: DbHandle, councilId: string, familyCount = 40, cap = 6) {
  const db = handle.db
  const passwordHash = await testPasswordHash()
  // addresses at the council's own domain word (Northmoor → northmoor.example), so a browser
  // test's sign-in page chooses the council by it (chooseCouncil in ./browser)
  const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId))
  const domain = `${council!.name.split(' ')[0]!.toLowerCase()}.example`
  // the referral officer who received the families' referrals
  const [officer] = await db
    .insert(people)
    .values({
      councilId,
      name: 'Rory Boardwell',
      email: `board.officer@${domain}`,
      roles: ['referral_officer'],
      passwordHash,
    })
    .returning()
  const [patch] = await db
    .insert(patches)
    .values({ councilId, name: 'Testfield', postcodeAreas: ['NM7'] })
    .returning()
  const [team] = await db
    .insert(teams)
    .values({ councilId, name: 'Testfield family team', kind: 'family_facing', patchId: patch!.id, caseloadCap: cap })
    .returning()
  const staff = await db
    .insert(people)
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        councilId,
        name: `Tester ${String.fromCharCode(65 + i)} Boardwell`,
        email: `tester${i}@${domain}`,
        roles: ['practitioner'],
        passwordHash,
      })),
    )
    .returning()
  await db.insert(memberships).values(staff.map((p) => ({ councilId, teamId: team!.id, personId: p.id })))
  const offerIds: string[] = []
  const childCounts = new Map<string, number>()
  for (let f = 0; f < familyCount; f++) {
    const [fam] = await db
      .insert(families)
      .values({
        councilId,
        reference: `T-${f}`,
        name: `Boardtest ${f} family`,
        addressLine1: `${f} Test Row`,
        town: 'Northmoor',
        postcode: `NM7 ${(f % 9) + 1}AB`,
        patchId: patch!.id,
      })
      .returning()
    const n = (f % 3) + 1
    childCounts.set(fam!.id, n)
    await db.insert(children).values(
      Array.from({ length: n }, (_, c) => ({
        councilId,
        familyId: fam!.id,
        laChildId: `T${f}C${c}`,
        firstName: `Kid${c}`,
        lastName: `Boardtest${f}`,
        dateOfBirth: '2015-01-01',
        sex: 'U' as const,
      })),
    )
    const [ref] = await db
      .insert(referrals)
      .values({
        councilId,
        reference: `RT-${f}`,
        receivedAt: new Date(),
        receivedBy: officer!.id,
        source: '2A',
        referrerName: 'Test',
        worries: 'Board test',
        familyId: fam!.id,
        dueDate: '2030-01-01',
        dueAt: new Date('2030-01-02'),
        status: 'decided',
        decision: 'assessment',
        decisionReasons: 'Board test family.',
        routingStatus: 'routed',
        routedTeamId: team!.id,
      })
      .returning()
    const [offer] = await db
      .insert(offers)
      .values({ councilId, familyId: fam!.id, teamId: team!.id, referralId: ref!.id })
      .returning()
    offerIds.push(offer!.id)
  }
  return { team: team!, staff, offerIds, childCounts }
}

export async function invariants(handle: DbHandle, teamId: string, cap: number) {
  const q = async <T>(s: ReturnType<typeof sql>) => ((await handle.db.execute(s)) as unknown as { rows: T[] }).rows
  const overCap = await q<{
    person_id: string
    n: number
  }>(sql`select a.person_id, count(c.id)::int as n from allocations a join children c on c.family_id = a.family_id
    where a.team_id = ${teamId} and a.role = 'lead' and a.ended_at is null group by a.person_id having count(c.id) > ${cap}`)
  const twoLeads = await q(
    sql`select family_id from allocations where team_id = ${teamId} and role = 'lead' and ended_at is null group by family_id having count(*) > 1`,
  )
  const noCoWorker =
    await q(sql`select l.family_id from allocations l where l.team_id = ${teamId} and l.role = 'lead' and l.ended_at is null
    and not exists (select 1 from allocations c where c.family_id = l.family_id and c.role = 'co_worker' and c.ended_at is null)`)
  const heldWithoutLead = await q(sql`select o.family_id from offers o where o.team_id = ${teamId} and o.status = 'held'
    and not exists (select 1 from allocations a where a.family_id = o.family_id and a.role = 'lead' and a.ended_at is null)`)
  const leads = await q<{ n: number }>(
    sql`select count(*)::int as n from allocations where team_id = ${teamId} and role = 'lead' and ended_at is null`,
  )
  return { overCap, twoLeads, noCoWorker, heldWithoutLead, leads: leads[0]!.n }
}
