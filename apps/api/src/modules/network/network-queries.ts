import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { adults, children, relationships } from '@hearth/db/schema/families'
import {
  networkChanges,
  type NetworkLink,
  networkLinks,
  networkMembers,
  networkPeople,
} from '@hearth/db/schema/network'
import { people } from '@hearth/db/schema/organisation'
import { genogramGenerations } from '@hearth/domain/genogram'
import {
  FROM_FAMILY_PAGE_KIND,
  generationLinks,
  linkSentence,
  type NetworkLinkKind,
  type Partnership,
} from '@hearth/domain/network'
import { notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

type Ex = Db | Tx

/**
 * Brings the family's children and adults, and the relationships on the family page, into its
 * network: each once (unique indexes make a second, concurrent sync a no-op). A person already in
 * the network, or removed from it, is left as they are.
 */
export async function syncFamilyNetwork(tx: Tx, councilId: string, familyId: string) {
  // one after another: a transaction is one connection, and pg runs one statement at a time on it
  const kids = await tx
    .select()
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
  const grownUps = await tx
    .select()
    .from(adults)
    .where(and(eq(adults.councilId, councilId), eq(adults.familyId, familyId)))
  const rels = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.councilId, councilId), eq(relationships.familyId, familyId)))
  if (!kids.length && !grownUps.length) return
  const known = await tx
    .select({ id: networkPeople.id, childId: networkPeople.childId, adultId: networkPeople.adultId })
    .from(networkPeople)
    .where(
      and(
        eq(networkPeople.councilId, councilId),
        or(
          kids.length
            ? inArray(
                networkPeople.childId,
                kids.map((k) => k.id),
              )
            : undefined,
          grownUps.length
            ? inArray(
                networkPeople.adultId,
                grownUps.map((a) => a.id),
              )
            : undefined,
        ),
      ),
    )
  const personOf = new Map<string, string>()
  for (const k of known) personOf.set((k.childId ?? k.adultId)!, k.id)
  const fresh = [
    ...kids
      .filter((k) => !personOf.has(k.id))
      .map((k) => ({
        councilId,
        name: `${k.firstName} ${k.lastName}`,
        sex: k.sex,
        kind: 'family' as const,
        role: null,
        bornYear: k.dateOfBirth ? Number(k.dateOfBirth.slice(0, 4)) : null,
        expected: !k.dateOfBirth && !!k.expectedDateOfBirth,
        childId: k.id,
        inHousehold: true,
      })),
    ...grownUps
      .filter((a) => !personOf.has(a.id))
      .map((a) => ({
        councilId,
        name: a.name,
        sex: null,
        kind: 'family' as const,
        role: a.description,
        bornYear: null,
        expected: false,
        adultId: a.id,
        inHousehold: a.livesWithFamily,
      })),
  ]
  for (const { inHousehold, ...p } of fresh) {
    const [made] = await tx.insert(networkPeople).values(p).onConflictDoNothing().returning()
    if (!made) continue
    await tx.insert(networkMembers).values({ councilId, familyId, personId: made.id, inHousehold })
    personOf.set((made.childId ?? made.adultId)!, made.id)
  }
  for (const r of rels) {
    const fromId = personOf.get(r.adultId)
    const toId = personOf.get(r.childId)
    if (!fromId || !toId) continue
    await tx
      .insert(networkLinks)
      .values({
        councilId,
        fromId,
        toId,
        kind: FROM_FAMILY_PAGE_KIND[r.kind] ?? 'other',
        good: r.strengths,
        worries: r.worries,
        relationshipId: r.id,
      })
      .onConflictDoNothing()
  }
}

/** The family's network members, current and past. */
export async function membersOf(ex: Ex, councilId: string, familyId: string) {
  return ex
    .select({ m: networkMembers, p: networkPeople })
    .from(networkMembers)
    .innerJoin(
      networkPeople,
      and(eq(networkPeople.id, networkMembers.personId), eq(networkPeople.councilId, networkMembers.councilId)),
    )
    .where(and(eq(networkMembers.councilId, councilId), eq(networkMembers.familyId, familyId)))
    .orderBy(asc(networkMembers.addedAt), asc(networkPeople.name))
}

/** A person in the family's network now; anyone else is "not found". */
export async function currentMember(ex: Ex, councilId: string, familyId: string, personId: string, lock = false) {
  const q = ex
    .select({ m: networkMembers, p: networkPeople })
    .from(networkMembers)
    .innerJoin(
      networkPeople,
      and(eq(networkPeople.id, networkMembers.personId), eq(networkPeople.councilId, networkMembers.councilId)),
    )
    .where(
      and(
        eq(networkMembers.councilId, councilId),
        eq(networkMembers.familyId, familyId),
        eq(networkMembers.personId, personId),
        isNull(networkMembers.removedAt),
      ),
    )
  const [row] = lock ? await q.for('update', { of: networkPeople }) : await q
  if (!row) throw notFound('person in this family’s network')
  return row
}

/** Links between two people of the family's network (now or before). */
async function linksAmong(ex: Ex, councilId: string, personIds: string[]) {
  if (!personIds.length) return []
  return ex
    .select()
    .from(networkLinks)
    .where(
      and(
        eq(networkLinks.councilId, councilId),
        inArray(networkLinks.fromId, personIds),
        inArray(networkLinks.toId, personIds),
      ),
    )
    .orderBy(asc(networkLinks.createdAt))
}

/** A link of the family's network (both people in it); anything else is "not found". */
export async function linkOfFamily(ex: Ex, councilId: string, familyId: string, linkId: string, lock = false) {
  const q = ex
    .select()
    .from(networkLinks)
    .where(and(eq(networkLinks.councilId, councilId), eq(networkLinks.id, linkId)))
  const [link] = lock ? await q.for('update') : await q
  if (!link) throw notFound('relationship')
  const ids = new Set((await membersOf(ex, councilId, familyId)).map((r) => r.p.id))
  if (!ids.has(link.fromId) || !ids.has(link.toId)) throw notFound('relationship')
  return link
}

export async function recordChange(
  tx: Tx,
  caller: Caller,
  v: {
    familyId: string
    kind: 'person_added' | 'person_changed' | 'person_removed' | 'link_added' | 'link_changed' | 'link_ended'
    personId?: string
    linkId?: string
    reason?: string | null
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    changedBy: string
  },
) {
  await tx.insert(networkChanges).values({
    councilId: caller.councilId,
    familyId: v.familyId,
    kind: v.kind,
    personId: v.personId ?? null,
    linkId: v.linkId ?? null,
    reason: v.reason ?? null,
    before: v.before ?? null,
    after: v.after ?? null,
    changedBy: v.changedBy,
  })
}

export function linkView(l: NetworkLink, name: (id: string) => string) {
  return {
    id: l.id,
    fromId: l.fromId,
    toId: l.toId,
    kind: l.kind as NetworkLinkKind,
    sentence: linkSentence(l.kind as NetworkLinkKind, name(l.fromId), name(l.toId), l.partnership as Partnership),
    partnership: (l.partnership as Partnership | null) ?? null,
    closeness: l.closeness as 'close',
    support: l.support as 'none',
    good: l.good,
    worries: l.worries,
    contactSafe: l.contactSafe as 'unknown',
    since: l.since,
    until: l.until,
    endedAt: l.endedAt?.toISOString() ?? null,
    endedReason: l.endedReason,
    version: l.version,
  }
}

/** The family's network as the screens show it: people with their genogram rows, links in words. */
export async function networkView(ex: Ex, councilId: string, familyId: string) {
  const rows = await membersOf(ex, councilId, familyId)
  const current = rows.filter((r) => !r.m.removedAt)
  const names = new Map(rows.map((r) => [r.p.id, r.p.name]))
  const name = (id: string) => names.get(id) ?? 'Someone'
  const all = await linksAmong(ex, councilId, [...names.keys()])
  const currentIds = new Set(current.map((r) => r.p.id))
  const live = all.filter((l) => !l.endedAt && currentIds.has(l.fromId) && currentIds.has(l.toId))
  const { generation, conflicts } = genogramGenerations([...currentIds], generationLinks(live))
  const linkById = new Map(live.map((l) => [`${l.fromId} ${l.toId}`, l]))
  return {
    familyId,
    people: current.map(({ m, p }) => ({
      id: p.id,
      name: p.name,
      sex: p.sex,
      kind: p.kind,
      role: p.role,
      bornYear: p.bornYear,
      diedYear: p.diedYear,
      expected: p.expected,
      inHousehold: m.inHousehold,
      childId: p.childId,
      adultId: p.adultId,
      generation: generation.get(p.id) ?? 0,
      version: p.version,
    })),
    links: live.map((l) => linkView(l, name)),
    ended: all.filter((l) => !live.includes(l)).map((l) => linkView(l, name)),
    removed: rows
      .filter((r) => r.m.removedAt)
      .map((r) => ({ id: r.p.id, name: r.p.name, removedAt: r.m.removedAt!.toISOString(), reason: r.m.removedReason })),
    conflicts: conflicts.map((c) => {
      const l = linkById.get(`${c.from} ${c.to}`)
      return l
        ? linkSentence(l.kind as NetworkLinkKind, name(l.fromId), name(l.toId))
        : `${name(c.from)} and ${name(c.to)}`
    }),
  }
}

/** The network's changes as chronology entries ("Added to the network: Nan"), the caller sorts. */
export async function networkChronology(ex: Ex, councilId: string, familyId: string) {
  const rows = await ex
    .select({ c: networkChanges, by: people.name })
    .from(networkChanges)
    .innerJoin(people, and(eq(people.id, networkChanges.changedBy), eq(people.councilId, networkChanges.councilId)))
    .where(and(eq(networkChanges.councilId, councilId), eq(networkChanges.familyId, familyId)))
  if (!rows.length) return []
  const members = await membersOf(ex, councilId, familyId)
  const names = new Map(members.map((r) => [r.p.id, r.p.name]))
  const name = (id: string | null) => (id && names.get(id)) || 'Someone'
  const linkIds = rows.map((r) => r.c.linkId).filter((x): x is string => !!x)
  const links = linkIds.length
    ? await ex
        .select()
        .from(networkLinks)
        .where(and(eq(networkLinks.councilId, councilId), inArray(networkLinks.id, linkIds)))
    : []
  const sentence = (id: string | null) => {
    const l = links.find((x) => x.id === id)
    return l
      ? linkSentence(l.kind as NetworkLinkKind, name(l.fromId), name(l.toId), l.partnership as Partnership)
      : 'a relationship'
  }
  const title = (c: typeof networkChanges.$inferSelect) =>
    c.kind === 'person_added'
      ? `Added to the network: ${name(c.personId)}`
      : c.kind === 'person_changed'
        ? `Changed in the network: ${name(c.personId)}`
        : c.kind === 'person_removed'
          ? `No longer in the network: ${name(c.personId)}`
          : c.kind === 'link_added'
            ? `Relationship recorded: ${sentence(c.linkId)}`
            : c.kind === 'link_changed'
              ? `Relationship changed: ${sentence(c.linkId)}`
              : `Relationship ended: ${sentence(c.linkId)}`
  return rows.map(({ c, by }) => ({
    at: c.changedAt,
    title: title(c),
    detail: c.reason ? `Why: ${c.reason}` : null,
    byName: by,
  }))
}
