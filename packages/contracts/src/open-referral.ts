import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser'
import { z } from 'zod'
import { NEEDS_VOCABULARY, SERVICE_NEEDS } from '@hearth/domain/insight'

/**
 * Open Referral UK (the UK profile of the Human Services Data Specification), as its JSON API
 * publishes services: a page `{ totalElements, …, content: [service, …] }` (a bare array of
 * services is accepted too). Each service carries its organization, service_at_locations (with
 * location and physical_addresses), eligibilitys, cost_options, service_areas and
 * service_taxonomys. Hearth reads and writes those fields; what ORUK has no field for (how to
 * refer, waiting time, capacity) travels in an `extensions.hearth` object that other readers ignore.
 * Taxonomy terms in the "Hearth needs" vocabulary are the needs Hearth searches by; terms in other
 * vocabularies are not kept.
 */

const text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
const optText = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .optional()
const isoDate = z.iso.date({ message: 'must be a date like 2026-04-01' }).nullable().optional()
const age = z
  .number({ message: 'must be a whole number of years' })
  .int({ message: 'must be a whole number of years' })
  .min(0, { message: 'cannot be negative' })
  .max(120)
  .nullable()
  .optional()

const Organization = z.object({
  id: text(200),
  name: text(300),
  description: z.string({ message: 'must be text' }).max(5000),
  email: optText(300),
  url: optText(1000),
})
const PhysicalAddress = z.object({
  id: optText(200),
  address_1: optText(300),
  city: optText(200),
  state_province: optText(200),
  postal_code: optText(20),
  country: optText(10),
})
const Location = z.object({
  id: text(200),
  name: text(300),
  description: optText(5000),
  latitude: z.union([z.number(), z.string()]).nullable().optional(),
  longitude: z.union([z.number(), z.string()]).nullable().optional(),
  physical_addresses: z.array(PhysicalAddress).max(5).optional().default([]),
})
const Eligibility = z
  .object({ id: text(200), eligibility: text(300), minimum_age: age, maximum_age: age })
  .refine((e) => e.minimum_age == null || e.maximum_age == null || e.minimum_age <= e.maximum_age, {
    message: 'the minimum age is above the maximum age',
    path: ['maximum_age'],
  })
const CostOption = z.object({
  id: text(200),
  option: z.enum(['Free', 'Spot purchase', 'Block contract'], {
    message: 'must be "Free", "Spot purchase" or "Block contract"',
  }),
  amount: z
    .number({ message: 'must be an amount in pounds' })
    .min(0, { message: 'cannot be negative' })
    .max(10_000_000)
    .nullable()
    .optional(),
  amount_description: optText(300),
  valid_from: isoDate,
  valid_to: isoDate,
})
const Taxonomy = z.object({
  id: text(200),
  taxonomy: z.object({ id: text(200), name: text(300), vocabulary: optText(200) }),
})
const HearthExtension = z.object({
  how_to_refer: optText(2000),
  waiting_weeks: z.number({ message: 'must be a number of weeks' }).int().min(0).max(520).nullable().optional(),
  capacity_note: optText(1000),
})

export const OrukService = z.object({
  id: text(200),
  name: text(300),
  description: z.string({ message: 'must be text' }).max(20000),
  url: optText(1000),
  email: optText(300),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed'], {
    message: 'must be active, inactive, defunct or temporarily closed',
  }),
  fees: optText(1000),
  attending_access: optText(100),
  organization: Organization,
  service_at_locations: z
    .array(z.object({ id: text(200), location: Location }))
    .max(50)
    .optional()
    .default([]),
  eligibilitys: z.array(Eligibility).max(20).optional().default([]),
  cost_options: z.array(CostOption).max(20).optional().default([]),
  service_areas: z
    .array(z.object({ id: text(200), service_area: text(300) }))
    .max(50)
    .optional()
    .default([]),
  service_taxonomys: z.array(Taxonomy).max(50).optional().default([]),
  extensions: z.object({ hearth: HearthExtension.optional() }).optional(),
})
export type OrukService = z.infer<typeof OrukService>

export interface FileProblem {
  line: number
  column: number
  field: string
  message: string
}

export class OrukFileError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(`The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`)
  }
}

function lineCol(textValue: string, offset: number) {
  let line = 1
  let last = -1
  for (let i = 0; i < offset && i < textValue.length; i++)
    if (textValue.charCodeAt(i) === 10) {
      line++
      last = i
    }
  return { line, column: offset - last }
}

const fieldPath = (path: (string | number)[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '')

/** Parses and checks a whole file; any problem refuses all of it (nothing is imported). */
/** Deeper than any Open Referral file; the parser walks recursively, so deeper is refused unread. */
export const ORUK_MAX_DEPTH = 64

/** Where the nesting first goes deeper than ORUK_MAX_DEPTH (brackets inside strings not counted), or -1. */
function tooDeepAt(content: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // a backslash: skip what it escapes
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > ORUK_MAX_DEPTH) return i
    } else if (c === 93 || c === 125) depth--
  }
  return -1
}

export function parseOrukFile(content: string): OrukService[] {
  const deep = tooDeepAt(content)
  if (deep >= 0) {
    throw new OrukFileError([
      {
        ...lineCol(content, deep),
        field: '(file)',
        message: `nested more than ${ORUK_MAX_DEPTH} levels deep: this is not an Open Referral file`,
      },
    ])
  }
  const errors: ParseError[] = []
  const root = parseTree(content, errors, { allowTrailingComma: false, disallowComments: true })
  if (errors.length || !root) {
    if (!errors.length) throw new OrukFileError([{ line: 1, column: 1, field: '(file)', message: 'the file is empty' }])
    throw new OrukFileError(
      errors.slice(0, 20).map((e) => ({
        ...lineCol(content, e.offset),
        field: '(file)',
        message: `not valid JSON: ${printParseErrorCode(e.error)
          .replace(/([A-Z])/g, ' $1')
          .trim()
          .toLowerCase()}`,
      })),
    )
  }
  // A page of services, or a bare array
  let listNode: Node | undefined = root
  let prefix: (string | number)[] = []
  if (root.type === 'object') {
    listNode = findNodeAtLocation(root, ['content'])
    prefix = ['content']
    if (!listNode)
      throw new OrukFileError([
        {
          ...lineCol(content, root.offset),
          field: 'content',
          message: 'an Open Referral UK services page has its services in "content"',
        },
      ])
  }
  if (listNode.type !== 'array')
    throw new OrukFileError([
      {
        ...lineCol(content, listNode.offset),
        field: fieldPath(prefix) || '(file)',
        message: 'must be a list of services',
      },
    ])
  const raw = getNodeValue(listNode) as unknown[]
  const problems: FileProblem[] = []
  const seen = new Map<string, number>()
  const out: OrukService[] = []
  const where = (path: (string | number)[]) => {
    // the deepest node that exists on the path (a missing field points at its object)
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n))
      if (node) return lineCol(content, node.offset)
    }
    return { line: 1, column: 1 }
  }
  raw.forEach((item, i) => {
    const r = OrukService.safeParse(item)
    if (!r.success) {
      for (const issue of r.error.issues.slice(0, 10)) {
        const path = [...prefix, i, ...(issue.path as (string | number)[])]
        problems.push({ ...where(path), field: fieldPath(path), message: issue.message })
      }
      return
    }
    const s = r.data
    for (const [j, tx] of s.service_taxonomys.entries()) {
      if (tx.taxonomy.vocabulary === NEEDS_VOCABULARY && !Object.hasOwn(SERVICE_NEEDS, tx.taxonomy.id)) {
        const path = [...prefix, i, 'service_taxonomys', j, 'taxonomy', 'id']
        problems.push({
          ...where(path),
          field: fieldPath(path),
          message: `not a need Hearth knows (one of: ${Object.keys(SERVICE_NEEDS).join(', ')})`,
        })
      }
    }
    if (seen.has(s.id)) {
      const path = [...prefix, i, 'id']
      problems.push({
        ...where(path),
        field: fieldPath(path),
        message: `the same service id as service ${seen.get(s.id)! + 1}`,
      })
    }
    seen.set(s.id, i)
    out.push(s)
  })
  if (problems.length) throw new OrukFileError(problems.slice(0, 50))
  return out
}

/** A page in the ORUK API's shape, for publishing Hearth's directory. */
export function orukPage(services: OrukService[]) {
  return {
    totalElements: services.length,
    totalPages: 1,
    number: 1,
    size: services.length,
    first: true,
    last: true,
    content: services,
  }
}
