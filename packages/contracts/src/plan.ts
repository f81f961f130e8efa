import { z } from 'zod'
import { PLAN_STATUS_LIST, PLAN_WHO_LIST } from '@hearth/domain/plan'
import { optionalText, requiredText, Uuid } from './common'
import { IsoDate } from './families'

const PlanChangeKindEnum = z.enum(['added', 'changed', 'done', 'not_done', 'reopened'])

/**
 * Who does an item. A worker, a family member (a child or adult of the family) and a service
 * from the directory are named by id; someone in the family's network, by name.
 */
const Who = {
  whoKind: z.enum(PLAN_WHO_LIST, { message: 'choose who will do it' }),
  whoId: Uuid.nullable().optional(),
  whoName: optionalText(200),
}

/** A new item of the family's plan, in plain words the family can read. */
export const PlanItemInput = z.object({
  what: requiredText(500, 'what will happen'),
  ...Who,
  /** By when; empty for something that carries on. */
  byDate: IsoDate.nullable().optional(),
})
export type PlanItemInput = z.infer<typeof PlanItemInput>

/** A change to an item's words, who or date, with why; `version` is the one you saw. */
export const PlanItemChange = PlanItemInput.extend({
  version: z.number({ message: 'the version you changed is required' }).int().min(1),
  reason: requiredText(500, 'why it changed'),
})
export type PlanItemChange = z.infer<typeof PlanItemChange>

/** Done, not done (why) or to do again (why); `version` is the one you saw. */
export const PlanStatusInput = z.object({
  version: z.number({ message: 'the version you changed is required' }).int().min(1),
  status: z.enum(PLAN_STATUS_LIST, { message: 'choose done, not done or to do' }),
  reason: optionalText(500),
})
export type PlanStatusInput = z.infer<typeof PlanStatusInput>

export const PlanChangeView = z.object({
  id: Uuid,
  kind: PlanChangeKindEnum,
  at: z.string(),
  byName: z.string(),
  reason: z.string().nullable(),
  /** In words: "By when: 3 March 2027 → 17 March 2027", one line a field. */
  summary: z.array(z.string()),
})

export const PlanItemView = z.object({
  id: Uuid,
  familyId: Uuid,
  what: z.string(),
  whoKind: z.enum(PLAN_WHO_LIST),
  whoId: Uuid.nullable(),
  whoName: z.string().nullable(),
  /** Who, as the family would say it: a name, or a service and who runs it. */
  whoLabel: z.string(),
  byDate: z.string().nullable(),
  status: z.enum(PLAN_STATUS_LIST),
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(PlanChangeView),
})

const Named = z.array(z.object({ id: Uuid, name: z.string() }))

/** Who the plan's items may name: the family's workers, its children and adults, its services. */
export const PlanPeople = z.object({ workers: Named, family: Named, services: Named })

export const PlanView = z.object({
  familyId: Uuid,
  items: z.array(PlanItemView),
  people: PlanPeople,
})
