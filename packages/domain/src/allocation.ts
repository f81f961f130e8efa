/**
 * Unit working (Reclaiming Social Work): every open family has one lead and at least one
 * co-worker, all from the holding team. The cap counts children held as lead.
 */
export interface WorkerProblem {
  field: string
  message: string
}

export function checkWorkers(
  leadId: string,
  coWorkerIds: readonly string[],
  teamPractitionerIds: ReadonlySet<string>,
): WorkerProblem[] {
  const problems: WorkerProblem[] = []
  if (!teamPractitionerIds.has(leadId))
    problems.push({
      field: 'body.leadId',
      message: 'the lead must be a practitioner in the team that holds the family',
    })
  if (coWorkerIds.length === 0)
    problems.push({
      field: 'body.coWorkerIds',
      message: 'every family needs at least one co-worker as well as the lead',
    })
  if (new Set(coWorkerIds).size !== coWorkerIds.length)
    problems.push({ field: 'body.coWorkerIds', message: 'a co-worker is named twice' })
  coWorkerIds.forEach((id, i) => {
    if (id === leadId)
      problems.push({ field: `body.coWorkerIds.${i}`, message: 'the lead cannot also be the co-worker' })
    else if (!teamPractitionerIds.has(id))
      problems.push({
        field: `body.coWorkerIds.${i}`,
        message: 'a co-worker must be a practitioner in the team that holds the family',
      })
  })
  return problems
}

export function effectiveCap(personCap: number | null, teamCap: number): number {
  return personCap ?? teamCap
}

export function capRefusal(name: string, heldAsLead: number, adding: number, cap: number): string | null {
  if (heldAsLead + adding <= cap) return null
  return `${name} leads ${heldAsLead} ${heldAsLead === 1 ? 'child' : 'children'}; taking ${adding} more would go over the cap of ${cap}. The team can raise the cap with a recorded decision, or someone else can lead.`
}

/** When the team is asked to find a co-worker: the practitioner (not the lead) with the fewest families. */
export function pickCoWorker<T extends { personId: string; families: number }>(
  candidates: readonly T[],
  leadId: string,
): T | null {
  return (
    [...candidates]
      .filter((c) => c.personId !== leadId)
      .sort((a, b) => a.families - b.families || a.personId.localeCompare(b.personId))[0] ?? null
  )
}

export const VISIT_KINDS = {
  home_visit: 'Home visit',
  office: 'Meeting at the office',
  school: 'Visit at school',
  family_group_conference: 'Family group conference',
  child_protection_conference: 'Child protection conference',
  core_group: 'Core group meeting',
  review: 'Review meeting',
  other: 'Other meeting',
} as const
export type VisitKind = keyof typeof VISIT_KINDS
export const VISIT_KIND_LIST = Object.keys(VISIT_KINDS) as VisitKind[]

export const CONVERSATION_STAGES = {
  1: 'Conversation 1: what matters, and what the family’s own network can do',
  2: 'Conversation 2: crisis, stability, sticking like glue',
  3: 'Conversation 3: building a good life',
} as const
