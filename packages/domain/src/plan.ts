/**
 * The family's plan: what will happen, who does it, by when. Written so the family can read it.
 * Each item is to do, done or not done; every change is kept with who, when and (where it
 * matters) why.
 */

/** Who does an item: a worker, someone in the family, someone in their network, or a service. */
export const PLAN_WHO = {
  worker: 'A worker',
  family: 'Someone in the family',
  network: 'Someone in the family’s network',
  service: 'A service',
} as const
export type PlanWho = keyof typeof PLAN_WHO
export const PLAN_WHO_LIST = Object.keys(PLAN_WHO) as PlanWho[]

export const PLAN_STATUS = { to_do: 'To do', done: 'Done', not_done: 'Not done' } as const
export type PlanStatus = keyof typeof PLAN_STATUS
export const PLAN_STATUS_LIST = Object.keys(PLAN_STATUS) as PlanStatus[]

/** The kinds of change the history keeps. */
export const PLAN_CHANGES = {
  added: 'Added',
  changed: 'Changed',
  done: 'Done',
  not_done: 'Not done',
  reopened: 'To do again',
} as const
export type PlanChangeKind = keyof typeof PLAN_CHANGES

export interface PlanItemFacts {
  what: string
  whoKind: PlanWho
  whoId: string | null
  whoName: string | null
  byDate: string | null
  status: PlanStatus
}

export type PlanRefusal = { field: string; message: string }

/**
 * The change that moving an item to `next` status is, or why it cannot be made. Marking an
 * item done needs no reason; saying it was not done, or putting it back to do, does, so the
 * family and the next worker know why.
 */
export function statusChange(
  current: PlanStatus,
  next: PlanStatus,
  reason: string | null,
): { kind: PlanChangeKind } | PlanRefusal {
  if (current === next)
    return { field: 'body.status', message: `the item is already ${PLAN_STATUS[next].toLowerCase()}` }
  if (next !== 'done' && !reason)
    return {
      field: 'body.reason',
      message: next === 'not_done' ? 'say why it was not done' : 'say why it is to do again',
    }
  return { kind: next === 'to_do' ? 'reopened' : next }
}

/** The fields a change alters (the history's "from … to …"); empty when nothing would change. */
export function changedFields(before: PlanItemFacts, after: PlanItemFacts): (keyof PlanItemFacts)[] {
  const keys: (keyof PlanItemFacts)[] = ['what', 'whoKind', 'whoId', 'whoName', 'byDate']
  return keys.filter((k) => (before[k] ?? null) !== (after[k] ?? null))
}

/** Past its date and still to do. */
export function planItemOverdue(item: { status: PlanStatus; byDate: string | null }, today: string): boolean {
  return item.status === 'to_do' && item.byDate !== null && item.byDate < today
}
