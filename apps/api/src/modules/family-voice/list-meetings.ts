import { and, desc, eq } from 'drizzle-orm'
import { familyMeetings } from '@hearth/db/schema/family-voice'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'
import { meetingViews } from './meeting-views'

export async function listMeetings(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const rows = await deps.db
    .select()
    .from(familyMeetings)
    .where(and(eq(familyMeetings.councilId, caller.councilId), eq(familyMeetings.familyId, familyId)))
    .orderBy(desc(familyMeetings.createdAt))
  return { meetings: await meetingViews(deps, caller.councilId, rows) }
}
