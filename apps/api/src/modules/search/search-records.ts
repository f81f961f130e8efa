import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { adults, children, families } from '@hearth/db/schema/families'
import { memberships, people, teams } from '@hearth/db/schema/organisation'
import { referrals } from '@hearth/db/schema/referrals'
import { addressFor, addressVisibleTo } from '@hearth/domain/confidential-address'
import { parseSearch, scoreSearch, searchDates, splitName } from '@hearth/domain/search'
import type { SearchResults } from '@hearth/contracts/search'
import type { Deps } from '../../kernel/context'
import { scopeCondition } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

const PER_KIND = 40
const SHOWN = 25

/**
 * The search box: children, adults, families, referrals (for the front door) and staff, by
 * name (misspelt, swapped, sounding alike), date of birth (either way round), NHS number, UPN or
 * LAchildID, postcode and reference. Only what the searcher may see: case records through their
 * family scope, like every other read; everything else is simply absent.
 */
export async function searchRecords(deps: Deps, caller: Caller, q: string): Promise<SearchResults> {
  const { db } = deps
  const c = caller.councilId
  const p = parseSearch(q)
  const dates = searchDates(p)
  const scope = scopeCondition(c, caller.familyScope)
  const seesCases = caller.familyScope.kind !== 'none'
  const words = p.words

  // a name word matches by trigrams (spelling) or by its sound (Soundex), using the indexes;
  // two words must both match, as first and last name either way round
  const first = (w: string) =>
    sql`(lower(${children.firstName}) % ${w.toLowerCase()} or soundex(${children.firstName}) = soundex(${w}))`
  const last = (w: string) =>
    sql`(lower(${children.lastName}) % ${w.toLowerCase()} or soundex(${children.lastName}) = soundex(${w}))`
  const [w1, w2] = words
  const childNames = !w1
    ? undefined
    : !w2
      ? or(first(w1), last(w1))
      : or(and(first(w1), last(w2)), and(first(w2), last(w1)), and(last(w1), last(w2)))
  const childWhere = or(
    childNames,
    dates.length && !words.length ? inArray(children.dateOfBirth, dates) : undefined,
    p.nhsNumber ? eq(children.nhsNumber, p.nhsNumber) : undefined,
    p.identifier
      ? sql`upper(${children.upn}) = ${p.identifier} or upper(${children.laChildId}) = ${p.identifier}`
      : undefined,
  )
  const rank = [
    ...words.map(
      (w) =>
        sql`greatest(similarity(lower(${children.firstName}), ${w.toLowerCase()}), similarity(lower(${children.lastName}), ${w.toLowerCase()}))`,
    ),
    ...(dates.length ? [sql`(case when ${inArray(children.dateOfBirth, dates)} then 1 else 0 end)`] : []),
  ]
  // (an identifier alone needs no order: it is exact)
  const childRank = rank.length ? sql.join(rank, sql` + `) : sql`${children.id}`
  const [kids, grownUps, fams, refs, staff] = await Promise.all([
    seesCases && childWhere
      ? db
          .select({
            c: children,
            familyName: families.name,
            reference: families.reference,
            postcode: families.postcode,
            addressConfidential: families.addressConfidential,
            addressShownTo: families.addressShownTo,
          })
          .from(children)
          .innerJoin(families, and(eq(families.councilId, children.councilId), eq(families.id, children.familyId)))
          .where(and(eq(children.councilId, c), scope, childWhere))
          // the likeliest first, so the limit never cuts the best match from a common surname
          .orderBy(sql`${childRank} desc`)
          .limit(PER_KIND)
      : [],
    seesCases && words.length
      ? db
          .select({ a: adults, familyName: families.name, reference: families.reference })
          .from(adults)
          .innerJoin(families, and(eq(families.councilId, adults.councilId), eq(families.id, adults.familyId)))
          .where(
            and(
              eq(adults.councilId, c),
              scope,
              // every word in the name, spelt alike (word similarity: the trigram index answers it)
              and(...words.map((w) => sql`${w.toLowerCase()} <% lower(${adults.name})`)),
            ),
          )
          .orderBy(sql`word_similarity(${words.join(' ').toLowerCase()}, lower(${adults.name})) desc`)
          .limit(PER_KIND)
      : [],
    seesCases && (words.length || p.postcode || p.reference?.startsWith('F-'))
      ? db
          .select()
          .from(families)
          .where(
            and(
              eq(families.councilId, c),
              scope,
              or(
                ...words.map((w) => sql`lower(${families.name}) % ${w.toLowerCase()}`),
                // a confidential address is not found by its postcode, but by those named on it
                p.postcode
                  ? and(
                      eq(families.postcode, p.postcode),
                      or(
                        eq(families.addressConfidential, false),
                        sql`${caller.personId}::uuid = any(${families.addressShownTo})`,
                      ),
                    )
                  : undefined,
                p.reference?.startsWith('F-') ? eq(families.reference, p.reference) : undefined,
              ),
            ),
          )
          .limit(PER_KIND)
      : [],
    // the front door finds a referral by its reference; nobody else searches referrals
    caller.familyScope.kind === 'all' && p.reference?.startsWith('R-')
      ? db
          .select({ r: referrals, familyName: families.name })
          .from(referrals)
          .innerJoin(families, and(eq(families.councilId, referrals.councilId), eq(families.id, referrals.familyId)))
          .where(and(eq(referrals.councilId, c), eq(referrals.reference, p.reference)))
      : [],
    words.length
      ? db
          .select({
            id: people.id,
            name: people.name,
            email: people.email,
            teams: sql<string | null>`(select string_agg(t.name, ', ' order by t.name) from ${memberships} m
              join ${teams} t on t.council_id = m.council_id and t.id = m.team_id
              where m.council_id = ${c} and m.person_id = "people"."id")`,
          })
          .from(people)
          .where(
            and(
              eq(people.councilId, c),
              eq(people.active, true),
              and(...words.map((w) => sql`${w.toLowerCase()} <% lower(${people.name})`)),
            ),
          )
          .limit(PER_KIND)
      : [],
  ])

  const results: SearchResults['results'] = []
  for (const k of kids) {
    const s = scoreSearch(p, {
      firstName: k.c.firstName,
      lastName: k.c.lastName,
      dateOfBirth: k.c.dateOfBirth ?? k.c.expectedDateOfBirth,
      nhsNumber: k.c.nhsNumber,
      identifiers: [k.c.upn, k.c.laChildId],
      postcode: addressVisibleTo(k, caller.personId) ? k.postcode : null,
    })
    if (s.score > 0)
      results.push({
        kind: 'child',
        id: k.c.id,
        familyId: k.c.familyId,
        childId: k.c.id,
        title: `${k.c.firstName} ${k.c.lastName}`,
        detail: [
          k.c.dateOfBirth ? `born ${longDate(k.c.dateOfBirth)}` : k.c.expectedDateOfBirth ? 'unborn' : null,
          k.c.nhsNumber ? `NHS number ${k.c.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}` : null,
          `${k.familyName} (${k.reference})`,
        ]
          .filter(Boolean)
          .join(', '),
        why: s.why,
        score: s.score,
        link: `/children/${k.c.id}`,
      })
  }
  for (const a of grownUps) {
    const s = scoreSearch(p, splitName(a.a.name))
    if (s.score > 0)
      results.push({
        kind: 'adult',
        id: a.a.id,
        familyId: a.a.familyId,
        childId: null,
        title: a.a.name,
        detail: [a.a.description, `${a.familyName} (${a.reference})`].filter(Boolean).join(', '),
        why: s.why,
        score: s.score,
        link: `/families/${a.a.familyId}`,
      })
  }
  for (const f of fams) {
    const shown = addressFor(f, caller.personId)
    const s = scoreSearch(p, {
      firstName: '',
      lastName: f.name.replace(/ family$/i, ''),
      postcode: addressVisibleTo(f, caller.personId) ? f.postcode : null,
      reference: f.reference,
    })
    if (s.score > 0)
      results.push({
        kind: 'family',
        id: f.id,
        familyId: f.id,
        childId: null,
        title: f.name,
        detail: `${f.reference}, ${shown.postcode}`,
        why: s.why,
        score: s.score,
        link: `/families/${f.id}`,
      })
  }
  for (const r of refs)
    results.push({
      kind: 'referral',
      id: r.r.id,
      familyId: r.r.familyId,
      childId: null,
      title: `Referral ${r.r.reference}`,
      detail: r.familyName,
      why: ['reference'],
      score: 1,
      link: `/referrals/${r.r.id}`,
    })
  for (const person of staff) {
    const s = scoreSearch({ ...p, dates: [] }, splitName(person.name))
    if (s.score > 0)
      results.push({
        kind: 'staff',
        id: person.id,
        familyId: null,
        childId: null,
        title: person.name,
        detail: `${person.teams ?? 'No team'}, ${person.email}`,
        why: s.why,
        score: Math.round(s.score * 0.9 * 100) / 100, // colleagues after the records asked about
        link: `mailto:${person.email}`,
      })
  }
  results.sort((x, y) => y.score - x.score || x.title.localeCompare(y.title))
  return { q, results: results.slice(0, SHOWN) }
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
