import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { directoryServices, familyServices } from '@hearth/db/schema/directory'
import { adults, children } from '@hearth/db/schema/families'
import { memberships, people } from '@hearth/db/schema/organisation'
import { type PlanChange, planChanges, type PlanItem, planItems, type PlanSnapshot } from '@hearth/db/schema/plan'
import { allocations } from '@hearth/db/schema/team-board'
import { together } from '@hearth/db/together'
import { longDate } from '@hearth/domain/dates'
import { PLAN_STATUS, PLAN_WHO, type PlanItemFacts, type PlanWho, planItemOverdue } from '@hearth/domain/plan'
import { londonDateOf } from '@hearth/domain/working-days'
import { invalid, notFound } from '../../kernel/errors'
import { serviceLabels } from '../directory/directory-queries'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

type Ex = Db | Tx

/** An item of a family in the actor's scope; anything else is "not found". */
export async function planItemFor(ex: Ex, caller: Caller, itemId: string, lock = false): Promise<PlanItem> {
  const q = ex
    .select()
    .from(planItems)
    .where(and(eq(planItems.councilId, caller.councilId), eq(planItems.id, itemId)))
  const [item] = lock ? await q.for('update') : await q
  if (!item) throw notFound('plan item')
  await familyInScope(ex, caller.councilId, caller.familyScope, item.familyId).catch(() => {
    throw notFound('plan item')
  })
  return item
}

/**
 * The people an item may name: the workers of the team holding the family (and anyone working
 * with it now), and the family's children and adults; and the services it is linked to (any
 * service in the directory may be named).
 */
export async function planPeople(ex: Ex, councilId: string, familyId: string) {
  const teamId = await holdingTeamId(ex as Db, councilId, familyId)
  const [team, allocated, kids, grownUps, services] = await together(
    ex,
    () =>
      teamId
        ? ex
            .select({ id: people.id, name: people.name, active: people.active })
            .from(memberships)
            .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
            .where(and(eq(memberships.councilId, councilId), eq(memberships.teamId, teamId)))
        : [],
    () =>
      ex
        .select({ id: people.id, name: people.name, active: people.active })
        .from(allocations)
        .innerJoin(people, and(eq(people.id, allocations.personId), eq(people.councilId, allocations.councilId)))
        .where(
          and(eq(allocations.councilId, councilId), eq(allocations.familyId, familyId), isNull(allocations.endedAt)),
        ),
    () =>
      ex
        .select({ id: children.id, first: children.firstName, last: children.lastName })
        .from(children)
        .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
        .orderBy(asc(children.firstName)),
    () =>
      ex
        .select({ id: adults.id, name: adults.name })
        .from(adults)
        .where(and(eq(adults.councilId, councilId), eq(adults.familyId, familyId)))
        .orderBy(asc(adults.name)),
    () =>
      ex
        .selectDistinct({ id: familyServices.serviceId })
        .from(familyServices)
        .where(and(eq(familyServices.councilId, councilId), eq(familyServices.familyId, familyId)))
        .then((rows) =>
          serviceLabels(
            ex,
            councilId,
            rows.map((r) => r.id),
          ),
        ),
  )
  const workers = new Map<string, string>()
  for (const p of [...allocated, ...team]) if (p.active) workers.set(p.id, p.name)
  return {
    workers: [...workers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    family: [...grownUps, ...kids.map((k) => ({ id: k.id, name: `${k.first} ${k.last}` }))],
    services: [...services].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  }
}

/**
 * Checks who an item names and returns its facts. A worker must work with the family (or be in
 * the team holding it), a family member must be in this family, a service in this council's
 * directory; someone in the network is named in words.
 */
export async function checkWho(
  ex: Ex,
  councilId: string,
  familyId: string,
  input: { whoKind: PlanWho; whoId?: string | null; whoName?: string | null },
): Promise<Pick<PlanItemFacts, 'whoKind' | 'whoId' | 'whoName'>> {
  const { whoKind } = input
  if (whoKind === 'network') {
    if (!input.whoName) throw invalid('body.whoName', 'say who in the family’s network will do it')
    return { whoKind, whoId: null, whoName: input.whoName }
  }
  if (!input.whoId)
    throw invalid(
      'body.whoId',
      whoKind === 'worker'
        ? 'choose the worker who will do it'
        : whoKind === 'family'
          ? 'choose who in the family will do it'
          : 'choose the service',
    )
  if (whoKind === 'service') {
    const [svc] = await ex
      .select({ id: directoryServices.id })
      .from(directoryServices)
      .where(and(eq(directoryServices.councilId, councilId), eq(directoryServices.id, input.whoId)))
    if (!svc) throw invalid('body.whoId', 'not a service in this council’s directory')
  } else {
    const known = await planPeople(ex, councilId, familyId)
    const list = whoKind === 'worker' ? known.workers : known.family
    if (!list.some((p) => p.id === input.whoId))
      throw invalid(
        'body.whoId',
        whoKind === 'worker' ? 'not a worker with this family' : 'not a child or adult of this family',
      )
  }
  return { whoKind, whoId: input.whoId, whoName: null }
}

export const snapshot = (i: PlanItem | PlanItemFacts): PlanSnapshot => ({
  what: i.what,
  whoKind: i.whoKind,
  whoId: i.whoId,
  whoName: i.whoName,
  byDate: i.byDate,
  status: i.status,
})

/** Names for the ids items and their history mention: workers, family members, services. */
async function whoNames(ex: Ex, councilId: string, facts: PlanSnapshot[]) {
  const ids = (kind: PlanWho) => [...new Set(facts.filter((f) => f.whoKind === kind && f.whoId).map((f) => f.whoId!))]
  const [workers, kids, grownUps, services] = await together(
    ex,
    () =>
      ids('worker').length
        ? ex
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(and(eq(people.councilId, councilId), inArray(people.id, ids('worker'))))
        : [],
    () =>
      ids('family').length
        ? ex
            .select({ id: children.id, first: children.firstName, last: children.lastName })
            .from(children)
            .where(and(eq(children.councilId, councilId), inArray(children.id, ids('family'))))
        : [],
    () =>
      ids('family').length
        ? ex
            .select({ id: adults.id, name: adults.name })
            .from(adults)
            .where(and(eq(adults.councilId, councilId), inArray(adults.id, ids('family'))))
        : [],
    () => serviceLabels(ex, councilId, ids('service')),
  )
  const names = new Map<string, string>()
  for (const w of workers) names.set(w.id, w.name)
  for (const k of kids) names.set(k.id, `${k.first} ${k.last}`)
  for (const a of grownUps) names.set(a.id, a.name)
  for (const [id, label] of services) names.set(id, label)
  return (f: Pick<PlanSnapshot, 'whoKind' | 'whoId' | 'whoName'>) =>
    f.whoKind === 'network'
      ? (f.whoName ?? 'Someone in the network')
      : (names.get(f.whoId ?? '') ?? PLAN_WHO[f.whoKind])
}

/** One line a changed field, in words: "By when: 3 March 2027 → 17 March 2027". */
function describe(c: PlanChange, who: (f: PlanSnapshot) => string): string[] {
  const when = (d: string | null) => (d ? longDate(d) : 'no date (it carries on)')
  if (c.kind === 'added' || !c.before)
    return [`${c.after.what}: ${who(c.after)}${c.after.byDate ? `, by ${longDate(c.after.byDate)}` : ''}`]
  const lines: string[] = []
  const b = c.before
  const a = c.after
  if (b.what !== a.what) lines.push(`What: ${b.what} → ${a.what}`)
  if (b.whoKind !== a.whoKind || b.whoId !== a.whoId || b.whoName !== a.whoName)
    lines.push(`Who: ${who(b)} → ${who(a)}`)
  if (b.byDate !== a.byDate) lines.push(`By when: ${when(b.byDate)} → ${when(a.byDate)}`)
  if (b.status !== a.status) lines.push(`${PLAN_STATUS[b.status]} → ${PLAN_STATUS[a.status]}`)
  return lines
}

/** Items as the screens show them, with their history (oldest change first). */
export async function planItemViews(ex: Ex, councilId: string, items: PlanItem[], now = new Date()) {
  if (!items.length) return []
  const history = await ex
    .select({ c: planChanges, name: people.name })
    .from(planChanges)
    .innerJoin(people, and(eq(people.id, planChanges.changedBy), eq(people.councilId, planChanges.councilId)))
    .where(
      and(
        eq(planChanges.councilId, councilId),
        inArray(
          planChanges.itemId,
          items.map((i) => i.id),
        ),
      ),
    )
    .orderBy(asc(planChanges.changedAt), asc(planChanges.version))
  const who = await whoNames(ex, councilId, [
    ...items.map(snapshot),
    ...history.flatMap(({ c }) => (c.before ? [c.before, c.after] : [c.after])),
  ])
  const today = londonDateOf(now)
  return items.map((i) => ({
    id: i.id,
    familyId: i.familyId,
    what: i.what,
    whoKind: i.whoKind,
    whoId: i.whoId,
    whoName: i.whoName,
    whoLabel: who(snapshot(i)),
    byDate: i.byDate,
    status: i.status,
    overdue: planItemOverdue(i, today),
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    history: history
      .filter((h) => h.c.itemId === i.id)
      .map(({ c, name }) => ({
        id: c.id,
        kind: c.kind,
        at: c.changedAt.toISOString(),
        byName: name,
        reason: c.reason,
        summary: describe(c, who),
      })),
  }))
}

/** The plan's changes as chronology entries, newest first is the caller's sort. */
export async function planChronology(ex: Ex, councilId: string, familyId: string) {
  const rows = await ex
    .select({ c: planChanges, name: people.name })
    .from(planChanges)
    .innerJoin(people, and(eq(people.id, planChanges.changedBy), eq(people.councilId, planChanges.councilId)))
    .where(and(eq(planChanges.councilId, councilId), eq(planChanges.familyId, familyId)))
  const who = await whoNames(
    ex,
    councilId,
    rows.flatMap(({ c }) => (c.before ? [c.before, c.after] : [c.after])),
  )
  const verb = { added: 'added', changed: 'changed', done: 'done', not_done: 'not done', reopened: 'to do again' }
  return rows.map(({ c, name }) => ({
    at: c.changedAt,
    title: `Plan item ${verb[c.kind]}: ${c.after.what}`,
    detail: [...describe(c, who), c.reason ? `Why: ${c.reason}` : ''].filter(Boolean).join('. '),
    byName: name,
  }))
}
