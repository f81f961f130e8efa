import { eq } from 'drizzle-orm'
import { families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { launchChromium } from './browser'
import { freshPgDatabase, heldFamilyId, seedTwoCouncils } from './db'
import { startHttpApp } from './server'

/**
 * The stage most browser tests share: a fresh database with the two test councils, the app over
 * HTTP, two Chromium contexts (two people at two desks) and a family the demo practitioner leads.
 */
export async function browserStage(prefix: string) {
  const dbx = await freshPgDatabase()
  const seeded = await seedTwoCouncils(dbx.handle, 14)
  const [priya] = await dbx.handle.db.select().from(people).where(eq(people.email, 'practitioner@northmoor.example'))
  const familyId = await heldFamilyId(dbx.handle, seeded.a.councilId, priya!.id)
  const [f] = await dbx.handle.db.select().from(families).where(eq(families.id, familyId))
  const server = await startHttpApp(dbx.handle, prefix)
  const first = await launchChromium()
  const second = await launchChromium()
  return {
    dbx,
    seeded,
    server,
    first,
    second,
    family: { id: f!.id, name: f!.name },
    async close() {
      await first.close()
      await second.close()
      await server.close()
      await dbx.drop()
    },
  }
}
export type BrowserStage = Awaited<ReturnType<typeof browserStage>>
