import { z } from 'zod'
import {
  CLOSENESS_LIST,
  CONTACT_SAFE_LIST,
  NETWORK_LINK_KIND_LIST,
  NETWORK_PERSON_KIND_LIST,
  PARTNERSHIP_LIST,
  SUPPORT_LIST,
} from '@hearth/domain/network'
import { optionalText, requiredText, Uuid } from './common'
import { IsoDate } from './families'

const Year = z
  .number({ message: 'give a year, like 1961' })
  .int({ message: 'give a year, like 1961' })
  .min(1900, { message: 'a year from 1900' })
  .max(2100, { message: 'a year up to 2100' })
  .nullable()
  .optional()

const PersonFields = {
  name: requiredText(200, 'their name'),
  sex: z.enum(['F', 'M', 'U'], { message: 'F, M or U (not known)' }).nullable().optional(),
  kind: z.enum(NETWORK_PERSON_KIND_LIST, { message: 'family, professional or community' }).default('family'),
  role: optionalText(200),
  bornYear: Year,
  diedYear: Year,
  expected: z.boolean().default(false),
  inHousehold: z.boolean().default(false),
}

/**
 * Someone new in the family's network (their name and what is known); or, with `personId`,
 * someone already in another family's network (the rest is theirs already and is not changed).
 */
export const NetworkPersonInput = z.object({
  personId: Uuid.optional(),
  ...PersonFields,
  name: requiredText(200, 'their name').optional(),
})

export const NetworkPersonChange = z.object({
  ...PersonFields,
  version: z.number({ message: 'the version you changed is required' }).int().min(1),
  reason: requiredText(500, 'why it changed'),
})

export const NetworkRemoval = z.object({ reason: requiredText(500, 'why they are no longer in the network') })

const LinkFields = {
  kind: z.enum(NETWORK_LINK_KIND_LIST, { message: 'choose how they are related' }),
  partnership: z
    .enum(PARTNERSHIP_LIST, { message: 'married, living together, separated or divorced' })
    .nullable()
    .optional(),
  closeness: z.enum(CLOSENESS_LIST, { message: 'choose how close they are' }).default('ordinary'),
  support: z.enum(SUPPORT_LIST, { message: 'choose who supports whom' }).default('none'),
  good: optionalText(2000),
  worries: optionalText(2000),
  contactSafe: z.enum(CONTACT_SAFE_LIST, { message: 'say whether contact is safe' }).default('unknown'),
  since: IsoDate.nullable().optional(),
  until: IsoDate.nullable().optional(),
}

export const NetworkLinkInput = z.object({
  fromId: z.uuid({ message: 'choose the first person' }),
  toId: z.uuid({ message: 'choose the second person' }),
  ...LinkFields,
})
export const NetworkLinkChange = z.object({
  ...LinkFields,
  version: z.number({ message: 'the version you changed is required' }).int().min(1),
  reason: requiredText(500, 'why it changed'),
})
export const NetworkLinkEnd = z.object({
  reason: requiredText(500, 'why it ended'),
  until: IsoDate.nullable().optional(),
})

export const NetworkPersonView = z.object({
  id: Uuid,
  name: z.string(),
  sex: z.string().nullable(),
  kind: z.enum(NETWORK_PERSON_KIND_LIST),
  role: z.string().nullable(),
  bornYear: z.number().int().nullable(),
  diedYear: z.number().int().nullable(),
  expected: z.boolean(),
  inHousehold: z.boolean(),
  /** The child or adult of the family this person is, if any. */
  childId: Uuid.nullable(),
  adultId: Uuid.nullable(),
  /** Their row on the genogram (0 at the top), from the family relationships. */
  generation: z.number().int(),
  version: z.number().int(),
})

export const NetworkLinkView = z.object({
  id: Uuid,
  fromId: Uuid,
  toId: Uuid,
  kind: z.enum(NETWORK_LINK_KIND_LIST),
  /** In words: "Sam Quill is the partner of Jo Quill (separated)". */
  sentence: z.string(),
  partnership: z.enum(PARTNERSHIP_LIST).nullable(),
  closeness: z.enum(CLOSENESS_LIST),
  support: z.enum(SUPPORT_LIST),
  good: z.string().nullable(),
  worries: z.string().nullable(),
  contactSafe: z.enum(CONTACT_SAFE_LIST),
  since: z.string().nullable(),
  until: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  version: z.number().int(),
})

export const NetworkView = z.object({
  familyId: Uuid,
  people: z.array(NetworkPersonView),
  links: z.array(NetworkLinkView),
  /** Links that ended, and people no longer in the network: history, in words. */
  ended: z.array(NetworkLinkView),
  removed: z.array(z.object({ id: Uuid, name: z.string(), removedAt: z.string(), reason: z.string().nullable() })),
  /** Family relationships that contradict the others (they cannot all be drawn), in words. */
  conflicts: z.array(z.string()),
})
