import { and, eq } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { sessions } from '@hearth/db/schema/auth'

/** Signs a person out everywhere: every session of theirs ends now (a role removed, an account locked). */
export async function endAllSessions(db: Db, councilId: string, personId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.councilId, councilId), eq(sessions.personId, personId)))
}
