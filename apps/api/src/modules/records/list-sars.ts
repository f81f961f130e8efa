import { asc, desc, eq, sql } from 'drizzle-orm'
import { subjectAccessRequests } from '@hearth/db/schema/records'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

import { views } from './sar-queries'

/** Open requests first, by due date; then the sent ones, newest first. */
export async function listSars(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .select()
    .from(subjectAccessRequests)
    .where(eq(subjectAccessRequests.councilId, caller.councilId))
    .orderBy(
      sql`${subjectAccessRequests.status} = 'sent'`,
      asc(subjectAccessRequests.dueOn),
      desc(subjectAccessRequests.createdAt),
    )
    .limit(200)
  return { requests: await views(deps, caller, rows) }
}
