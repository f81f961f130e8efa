import { eq } from 'drizzle-orm'
import type { Db } from '../../client'
import { hashPassword } from '../../passwords'
import { councils } from '../../schema'
import { seedDirectory } from '../directory'
import { DEMO_PASSWORD, DEMO_SIGN_INS, mulberry32, type SeededCouncil, type SeedOptions } from './data'
import { seedFamilies } from './families'
import { seedInsight } from './insight'
import { seedOrganisation } from './organisation'
import { seedCaseProcess } from './case-process'
import { seedPlan } from './plan'
import { seedReferrals } from './referrals'
import { seedSignOff } from './sign-off'
import { seedTeamBoards } from './team-board'

export { DEMO_PASSWORD, DEMO_SIGN_INS, type SeededCouncil, type SeedOptions } from './data'

/**
 * Creates a demo council when none of that name exists: patches, the five kinds of team, people
 * of every role and about 40 invented families with 60 children. Safe to call on every start.
 */
export async function seedDemoCouncil(db: Db, options: SeedOptions = {}): Promise<SeededCouncil | null> {
  const councilName = options.councilName ?? 'Northmoor Borough Council (demo)'
  const laCode = options.laCode ?? '001' // a DfE pseudo-LA code: no real council's
  const domain = options.emailDomain ?? 'northmoor.example'
  const area = options.postcodeArea ?? 'NM'
  const familyCount = options.familyCount ?? 40
  const rnd = mulberry32(options.seed ?? 20261122)

  const existing = await db.select({ id: councils.id }).from(councils).where(eq(councils.name, councilName))
  if (existing.length) return null

  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD))

  return db.transaction(async (tx) => {
    const [council] = await tx.insert(councils).values({ name: councilName, laCode }).returning()
    const councilId = council!.id
    const org = await seedOrganisation(tx, { councilId, area, domain, passwordHash })
    const familyRows = await seedFamilies(tx, org, { rnd, familyCount, laCode, area })
    const referred = await seedReferrals(tx, org, familyRows)
    await seedTeamBoards(tx, org, familyRows, referred)
    const { priya, priyaLead } = await seedSignOff(tx, org)
    await seedDirectory(tx, councilId, area)
    if (priyaLead && options.insightExamples !== false) await seedInsight(tx, org, priya, priyaLead)
    if (priyaLead) await seedPlan(tx, councilId, priya, priyaLead)
    if (priyaLead && options.statutoryExamples !== false) await seedCaseProcess(tx, councilId, priya, priyaLead)

    const signIns = DEMO_SIGN_INS.map((s) => {
      const row = org.personRows.find((p) => p.email === org.email(s.email.split('@')[0]!))!
      return { role: s.role, email: row.email, personId: row.id }
    })
    return { councilId, patchIds: org.patchRows.map((p) => p.id), teamIds: org.teamIds, signIns }
  })
}
