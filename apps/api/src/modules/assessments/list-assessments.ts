import { and, asc, eq } from 'drizzle-orm'
import { assessments } from '@hearth/db/schema/assessments'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { assessmentFor, assessmentViews } from './assessment-queries'
import type { Caller } from '../../kernel/caller'

export async function listFamilyAssessments(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const rows = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.councilId, caller.councilId), eq(assessments.familyId, familyId)))
    .orderBy(asc(assessments.startedOn))
  return assessmentViews(db, caller.councilId, rows)
}

export async function getAssessment(deps: Deps, caller: Caller, id: string) {
  const a = await assessmentFor(deps.db, caller, id)
  return (await assessmentViews(deps.db, caller.councilId, [a]))[0]!
}
