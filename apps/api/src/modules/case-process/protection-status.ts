import { type Column, type SQL, sql } from 'drizzle-orm'

/**
 * Whether a child of the family is on a child protection plan ('cp_plan') or under a section 47
 * enquiry still open ('s47'), else null, in SQL: shown on the team board and on a new referral
 * about the family, so a sibling's plan is never missed. Give columns of a join (qualified), or
 * values: a bare column of a one-table select would be read as the sub-select's own.
 */
export function protectionOf(councilId: Column | SQL, familyId: Column | SQL) {
  return sql<'cp_plan' | 's47' | null>`(select case when bool_or(s.kind = 'cp_plan') then 'cp_plan'
    when bool_or(s.kind = 's47') then 's47' end from case_steps s
    where s.council_id = ${councilId} and s.family_id = ${familyId}
      and s.kind in ('cp_plan', 's47') and s.end_date is null)`
}
