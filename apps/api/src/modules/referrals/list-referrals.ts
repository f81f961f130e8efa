import type { Deps } from '../../kernel/context'
import { and, asc, desc, eq } from 'drizzle-orm'
import { referrals } from '@hearth/db/schema/referrals'
import { summaries } from './referral-views'
import type { Caller } from '../../kernel/caller'

/** The front door's lists: awaiting a decision (by time left), could not be routed, recently decided. */
export async function listReferrals(deps: Deps, caller: Caller, view: 'awaiting' | 'unroutable' | 'recent') {
  const { db } = deps
  const where =
    view === 'awaiting'
      ? and(eq(referrals.councilId, caller.councilId), eq(referrals.status, 'awaiting_decision'))
      : view === 'unroutable'
        ? and(eq(referrals.councilId, caller.councilId), eq(referrals.routingStatus, 'unroutable'))
        : and(eq(referrals.councilId, caller.councilId), eq(referrals.status, 'decided'))
  const order = view === 'recent' ? [desc(referrals.decidedAt)] : [asc(referrals.dueAt), asc(referrals.receivedAt)]
  const rows = await db
    .select()
    .from(referrals)
    .where(where)
    .orderBy(...order)
    .limit(view === 'recent' ? 50 : 500)
  return summaries(db, caller.councilId, rows, caller.audit.actorPersonId)
}
