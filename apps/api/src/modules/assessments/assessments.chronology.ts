import { and, eq } from 'drizzle-orm'
import { assessments } from '@hearth/db/schema/assessments'
import { children } from '@hearth/db/schema/families'
import { ASSESSMENT_FACTORS, type AssessmentFactor } from '@hearth/domain/assessments'
import { chronologyPart } from '../families/chronology-parts'

/** Each child's assessment: started, and finished with its factors and summary. */
export const chronology = chronologyPart({
  kinds: { assessment: 'Assessment' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select({ a: assessments, first: children.firstName, last: children.lastName })
      .from(assessments)
      .innerJoin(children, and(eq(children.id, assessments.childId), eq(children.councilId, assessments.councilId)))
      .where(and(eq(assessments.councilId, caller.councilId), eq(assessments.familyId, familyId)))
    const link = `/families/${familyId}#assessments`
    return rows.flatMap(({ a, first, last }) => {
      const line = { kind: 'assessment' as const, byName: null, link, childIds: [a.childId] }
      const started = {
        ...line,
        at: new Date(`${a.startedOn}T12:00:00Z`),
        title: `Assessment started: ${first} ${last}`,
        detail: null,
      }
      if (!a.authorisedOn) return [started]
      const factors = a.factors.map((f) => ASSESSMENT_FACTORS[f as AssessmentFactor] ?? f).join('; ')
      return [
        started,
        {
          ...line,
          at: new Date(`${a.authorisedOn}T12:00:00Z`),
          title: `Assessment finished: ${first} ${last}`,
          detail: [factors, a.summary].filter(Boolean).join('. '),
        },
      ]
    })
  },
})
