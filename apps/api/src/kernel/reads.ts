import type { FastifyRequest } from 'fastify'
import type { Db } from '@hearth/db/client'

/**
 * What a GET route reads, declared on the route (`config.reads`) next to its access rule.
 * The read-audit plugin turns it into audit rows after the handler has succeeded and before
 * the response leaves, so a read is audited exactly when it happened, by one mechanism.
 * A route that returns no child's or family's record says so, with the reason (`noCaseContent`).
 */
export type Reads = ReadAudit | NoCaseContent

export interface NoCaseContent {
  none: string
}

/** One audit row of a read; action and recordType default to the descriptor's. */
export interface ReadRow {
  action?: string
  recordType?: string
  recordId?: string | null
  familyId?: string | null
  childId?: string | null
  /** Identifiers and field names only: never personal data. */
  details?: Record<string, unknown> | null
}

export interface ReadAudit {
  action: string
  recordType: string
  /**
   * The rows for this request and its (already computed) response body; the body is undefined
   * for files, which may look up what they need (ids only) with `db`.
   */
  rows(request: FastifyRequest, payload: unknown, db: Db): ReadRow[] | Promise<ReadRow[]>
}

type Params = { id?: string }
type Item = { familyId?: string | null; childId?: string | null; id?: string }

const param = (request: FastifyRequest) => (request.params as Params).id ?? null
const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x))]
const asItems = (payload: unknown, key?: string): Item[] => {
  const list = key ? (payload as Record<string, unknown> | undefined)?.[key] : payload
  return Array.isArray(list) ? (list as Item[]) : []
}

/** A GET that returns no child's or family's record. */
export function noCaseContent(why: string): NoCaseContent {
  return { none: why }
}

/** One record named by `:id`; its family (and child) taken from the response when it carries them. */
export function readsRecord(action: string, recordType: string): ReadAudit {
  return {
    action,
    recordType,
    rows: (request, payload) => {
      const body = (payload ?? {}) as Item
      return [{ recordId: param(request), familyId: body.familyId ?? null, childId: body.childId ?? null }]
    },
  }
}

/** A child named by `:id`. */
export function readsChild(action = 'child.read'): ReadAudit {
  return {
    action,
    recordType: 'child',
    rows: (request, payload) => [
      { recordId: param(request), childId: param(request), familyId: (payload as Item | undefined)?.familyId ?? null },
    ],
  }
}

/** Something of the family named by `:id` (its visits, tasks, workers, chronology …). */
export function readsOfFamily(action: string): ReadAudit {
  return {
    action,
    recordType: 'family',
    rows: (request) => [{ recordId: param(request), familyId: param(request) }],
  }
}

/**
 * A list: one row naming every family (and child) in it. `key` picks the list out of an object
 * body; `details` adds what was asked for (from the query), never what was found.
 */
export function readsList(
  action: string,
  recordType: string,
  opts: {
    key?: string
    items?: (payload: unknown) => Item[]
    details?: (request: FastifyRequest) => Record<string, unknown>
  } = {},
): ReadAudit {
  return {
    action,
    recordType,
    rows: (request, payload) => {
      const items = opts.items ? opts.items(payload) : asItems(payload, opts.key)
      const childIds = unique(items.map((i) => i.childId))
      return [
        {
          recordId: param(request),
          details: {
            ...opts.details?.(request),
            ids: unique(items.map((i) => i.id)),
            familyIds: unique(items.map((i) => i.familyId)),
            ...(childIds.length ? { childIds } : {}),
          },
        },
      ]
    },
  }
}

/** A record that shows its children: one row for the record and one `child.read` per child. */
export function readsWithChildren(action: string, recordType: string, familyOf: (payload: unknown) => string | null) {
  return {
    action,
    recordType,
    rows: (request: FastifyRequest, payload: unknown): ReadRow[] => {
      const familyId = familyOf(payload)
      return [
        { recordId: param(request), familyId },
        ...asItems(payload, 'children').map((c) => ({
          action: 'child.read',
          recordType: 'child',
          recordId: c.id ?? null,
          childId: c.id ?? null,
          familyId,
          details: { via: recordType },
        })),
      ]
    },
  } satisfies ReadAudit
}

/**
 * A family opening their own link: the row names the link and the person it was issued to
 * (there is no staff member), and the family.
 */
export function readsByFamilyLink(action: string): ReadAudit {
  return {
    action,
    recordType: 'family_link',
    rows: (request, payload) => {
      const h = request.familyLink
      if (!h) return []
      const locked = (payload as { needsCode?: boolean } | undefined)?.needsCode === true
      return [
        {
          recordId: h.linkId,
          familyId: h.familyId,
          childId: h.childId,
          details: {
            via: 'family_link',
            issuedTo: h.adultId ? { adultId: h.adultId } : { childId: h.childId },
            ...(locked ? { needsCode: true } : {}),
          },
        },
      ]
    },
  }
}
