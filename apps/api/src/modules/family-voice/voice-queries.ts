import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { adults, children, families } from '@hearth/db/schema/families'
import {
  type FamilyLink,
  familyLinks,
  type FamilyMessage,
  familyMessages,
  familyVoiceSettings,
} from '@hearth/db/schema/family-voice'
import { people } from '@hearth/db/schema/organisation'
import { visits } from '@hearth/db/schema/visits'
import { together } from '@hearth/db/together'
import {
  DEFAULT_LINK_DAYS,
  FAMILY_MESSAGE_KINDS,
  linkLanguageFor,
  linkState,
  type LinkLanguage,
} from '@hearth/domain/family-voice'
import type { LinkSummary, StaffFamilyMessage } from '@hearth/contracts/family-voice'
import { notFound } from '../../kernel/errors'

/** Young people this age or over may have a link of their own (the lead judges each one). */
export const YOUNG_PERSON_AGE = 12

export async function voiceSettings(ex: Db | Tx, councilId: string) {
  const [row] = await ex.select().from(familyVoiceSettings).where(eq(familyVoiceSettings.councilId, councilId))
  return { linkDays: row?.linkDays ?? DEFAULT_LINK_DAYS, complaintsTeamId: row?.complaintsTeamId ?? null }
}

const ageOn = (dob: string | null, today: Date) => {
  if (!dob) return -1
  const d = new Date(`${dob}T00:00:00Z`)
  let age = today.getUTCFullYear() - d.getUTCFullYear()
  const m = today.getUTCMonth() - d.getUTCMonth()
  if (m < 0 || (m === 0 && today.getUTCDate() < d.getUTCDate())) age--
  return age
}

/** Who a link can be issued to: the family's adults and young people aged 12 or over. */
export async function linkPeople(ex: Db | Tx, councilId: string, familyId: string) {
  const [family] = await ex
    .select({ language: families.language })
    .from(families)
    .where(and(eq(families.councilId, councilId), eq(families.id, familyId)))
  if (!family) throw notFound('family')
  const language = linkLanguageFor(family.language)
  const grown = await ex
    .select({ id: adults.id, name: adults.name })
    .from(adults)
    .where(and(eq(adults.councilId, councilId), eq(adults.familyId, familyId)))
  const kids = await ex
    .select({ id: children.id, first: children.firstName, last: children.lastName, dob: children.dateOfBirth })
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
  const now = new Date()
  return {
    language,
    people: [
      ...grown.map((a) => ({ kind: 'adult' as const, id: a.id, name: a.name, language })),
      ...kids
        .filter((k) => ageOn(k.dob, now) >= YOUNG_PERSON_AGE)
        .map((k) => ({ kind: 'child' as const, id: k.id, name: `${k.first} ${k.last}`, language })),
    ],
  }
}

export async function linkSummaries(ex: Db | Tx, councilId: string, rows: FamilyLink[]): Promise<LinkSummary[]> {
  if (!rows.length) return []
  const adultIds = rows.flatMap((r) => (r.adultId ? [r.adultId] : []))
  const childIds = rows.flatMap((r) => (r.childId ? [r.childId] : []))
  const [grown, kids, staff] = await together(
    ex,
    () =>
      adultIds.length
        ? ex
            .select({ id: adults.id, name: adults.name })
            .from(adults)
            .where(and(eq(adults.councilId, councilId), inArray(adults.id, adultIds)))
        : [],
    () =>
      childIds.length
        ? ex
            .select({ id: children.id, first: children.firstName, last: children.lastName })
            .from(children)
            .where(and(eq(children.councilId, councilId), inArray(children.id, childIds)))
        : [],
    () =>
      ex
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, [...new Set(rows.map((r) => r.createdBy))]))),
  )
  const names = new Map<string, string>([
    ...grown.map((a) => [a.id, a.name] as [string, string]),
    ...kids.map((k) => [k.id, `${k.first} ${k.last}`] as [string, string]),
  ])
  const staffNames = new Map(staff.map((s) => [s.id, s.name]))
  return rows.map((r) => ({
    id: r.id,
    familyId: r.familyId,
    issuedTo: r.adultId
      ? { kind: 'adult' as const, id: r.adultId, name: names.get(r.adultId) ?? '' }
      : { kind: 'child' as const, id: r.childId!, name: names.get(r.childId!) ?? '' },
    language: r.language as LinkLanguage,
    state: linkState(r),
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdByName: staffNames.get(r.createdBy) ?? '',
    lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: r.revokeReason,
    hasCode: !!r.codeHash,
    holdDecision: r.holdDecision,
    holdDecisionAt: r.holdDecisionAt?.toISOString() ?? null,
  }))
}

export async function familyLinksOf(ex: Db | Tx, councilId: string, familyId: string) {
  const rows = await ex
    .select()
    .from(familyLinks)
    .where(and(eq(familyLinks.councilId, councilId), eq(familyLinks.familyId, familyId)))
    .orderBy(desc(familyLinks.createdAt))
  return linkSummaries(ex, councilId, rows)
}

/** The family's words as the team sees them: who sent them (the link's holder), and what was done. */
export async function messageViews(
  ex: Db | Tx,
  councilId: string,
  rows: FamilyMessage[],
): Promise<StaffFamilyMessage[]> {
  if (!rows.length) return []
  const links = await ex
    .select()
    .from(familyLinks)
    .where(and(eq(familyLinks.councilId, councilId), inArray(familyLinks.id, [...new Set(rows.map((r) => r.linkId))])))
  const holders = new Map((await linkSummaries(ex, councilId, links)).map((l) => [l.id, l.issuedTo.name]))
  const languageOf = new Map(links.map((l) => [l.id, l.language as LinkLanguage]))
  const staffIds = [...new Set(rows.flatMap((r) => [r.seenBy, r.answeredBy]).filter((x): x is string => !!x))]
  const staff = staffIds.length
    ? await ex
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, staffIds)))
    : []
  const staffNames = new Map(staff.map((s) => [s.id, s.name]))
  const visitIds = [...new Set(rows.flatMap((r) => (r.visitId ? [r.visitId] : [])))]
  const vis = visitIds.length
    ? await ex
        .select({ id: visits.id, startsAt: visits.startsAt, kind: visits.kind })
        .from(visits)
        .where(and(eq(visits.councilId, councilId), inArray(visits.id, visitIds)))
    : []
  const visitById = new Map(vis.map((v) => [v.id, v]))
  return rows.map((m) => {
    const v = m.visitId ? visitById.get(m.visitId) : undefined
    return {
      id: m.id,
      familyId: m.familyId,
      kind: m.kind,
      scale: m.scale,
      words: m.words,
      suits: m.suits,
      visit: v ? { id: v.id, startsAt: v.startsAt.toISOString(), kind: v.kind } : null,
      fromName: holders.get(m.linkId) ?? '',
      language: (m.language as LinkLanguage | null) ?? languageOf.get(m.linkId) ?? 'en',
      at: m.createdAt.toISOString(),
      dueAt: m.dueAt?.toISOString() ?? null,
      taskId: m.taskId,
      seenAt: m.seenAt?.toISOString() ?? null,
      seenByName: m.seenBy ? (staffNames.get(m.seenBy) ?? null) : null,
      answer: m.answer,
      answeredAt: m.answeredAt?.toISOString() ?? null,
      answeredByName: m.answeredBy ? (staffNames.get(m.answeredBy) ?? null) : null,
    }
  })
}

const SCALE_WORDS: Record<number, string> = { 1: 'very bad', 2: 'not good', 3: 'OK', 4: 'good', 5: 'very good' }

/**
 * What the family said through their link, on the chronology in their own words (and the
 * team's answer under it). Links issued and stopped are there too.
 */
export async function familyVoiceChronology(ex: Db | Tx, councilId: string, familyId: string) {
  const rows = await ex
    .select()
    .from(familyMessages)
    .where(and(eq(familyMessages.councilId, councilId), eq(familyMessages.familyId, familyId)))
  const views = await messageViews(ex, councilId, rows)
  return views.map((m) => {
    const title =
      m.kind === 'how_going'
        ? `${m.fromName} said things are going ${SCALE_WORDS[m.scale ?? 3] ?? ''}`
        : `${m.fromName}: ${FAMILY_MESSAGE_KINDS[m.kind].toLowerCase()}`
    return {
      at: new Date(m.at),
      title,
      detail: [
        m.words ? `“${m.words}”` : '',
        m.suits ? `Times that suit: “${m.suits}”` : '',
        m.answer ? `What happened (${m.answeredByName ?? 'the team'}): ${m.answer}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      byName: m.fromName,
    }
  })
}
