import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { addCalendarMonths } from '@hearth/domain/clocks'
import type { Db } from '../client'
import { refreshCouncilClocks } from '../case-process'
import { hashPassword } from '../passwords'
import {
  councils,
  children,
  families,
  memberships,
  patches,
  people,
  teams,
  assessments,
  caseSteps,
  allocations,
} from '../schema'
import { DEMO_PASSWORD, mulberry32 } from './demo/data'

export interface SyntheticOptions {
  children?: number
  teams?: number
  seed?: number
  /** "Today" for the data (defaults to now): every date is on or before it. */
  today?: string
  passwordHash?: string
}

const FACTORS = [['16A'], ['3B', '4B'], ['2B'], ['17A', '3C'], ['21'], ['1B', '16A'], ['10A'], ['24A']]
const CATEGORIES = ['NEG', 'EMO', 'PHY', 'SAB']
const NEEDS = ['N1', 'N1', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N8']
const SOURCES = ['2A', '3A', '3B', '3E', '5D', '6', '6', '1A', '8', '9']
const ETHNICITIES = ['WBRI', 'WBRI', 'WBRI', 'WOTH', 'MWBC', 'AIND', 'APKN', 'BAFR', 'BCRB', 'CHNE', 'OOTH', 'NOBT']

/** A weekday on or before the date (conferences are not held at weekends). */
function weekday(iso: string): string {
  let d = iso
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addCalendarDays(d, -1)
  return d
}

/**
 * A synthetic council for tests and benchmarks: `children` children in families over `teams`
 * family-facing teams of 8, and a plausible year of the statutory process (episodes, assessments,
 * enquiries and conferences, child protection and child in need plans, children looked after,
 * pre-proceedings), every name invented and looking it ("Synth…"). The records keep the census
 * rules, as Hearth's own screens would have made them. Returns the council's id.
 */
export async function seedSyntheticCouncil(db: Db, o: SyntheticOptions = {}): Promise<string> {
  const total = o.children ?? 8000
  const teamCount = o.teams ?? 60
  const rnd = mulberry32(o.seed ?? 20261130)
  const today = o.today ?? londonDateOf(new Date())
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
  const ago = (n: number) => addCalendarDays(today, -n)
  const passwordHash = o.passwordHash ?? (await hashPassword(DEMO_PASSWORD))
  const [council] = await db
    .insert(councils)
    .values({ name: `Synthshire Borough Council (synthetic ${total})`, laCode: '003' }) // a DfE pseudo-LA code
    .returning()
  const councilId = council!.id
  // an administrator and a data officer (the insight team's), so its returns are produced through
  // the API and its screens like any council's
  const [insight] = await db
    .insert(teams)
    .values({ councilId, name: 'Synth insight team', kind: 'insight' })
    .returning()
  const [, dataOfficer] = await db
    .insert(people)
    .values([
      {
        councilId,
        name: 'Synth Administrator',
        email: 'admin@synthshire.example',
        roles: ['administrator'],
        passwordHash,
      },
      {
        councilId,
        name: 'Synth Data Officer',
        email: 'data@synthshire.example',
        roles: ['insight_adviser'],
        passwordHash,
      },
    ])
    .returning()
  await db.insert(memberships).values({ councilId, teamId: insight!.id, personId: dataOfficer!.id })
  const perTeam = Math.ceil(total / teamCount)
  let made = 0
  for (let t = 0; t < teamCount && made < total; t++) {
    const [patch] = await db
      .insert(patches)
      .values({ councilId, name: `Synth patch ${t}`, postcodeAreas: [`SY${t}`] })
      .returning()
    const [team] = await db
      .insert(teams)
      .values({ councilId, name: `Synth family team ${t}`, kind: 'family_facing', patchId: patch!.id })
      .returning()
    const staff = await db
      .insert(people)
      .values(
        Array.from({ length: 8 }, (_, p) => ({
          councilId,
          name: `Synth Worker ${t}-${p}`,
          email: `synth${t}.${p}@synthshire.example`,
          roles: ['practitioner'],
          passwordHash,
        })),
      )
      .returning()
    await db.insert(memberships).values(staff.map((s) => ({ councilId, teamId: team!.id, personId: s.id })))
    const want = Math.min(perTeam, total - made)
    const familyCount = Math.ceil(want / 2.4)
    const fams = await db
      .insert(families)
      .values(
        Array.from({ length: familyCount }, (_, f) => ({
          councilId,
          reference: `SY${t}-${f}`,
          name: `Synthfam ${t}-${f} family`,
          addressLine1: `${f + 1} Synthetic Street`,
          town: 'Synthton',
          postcode: `SY${t} ${(f % 9) + 1}AB`,
          patchId: patch!.id,
        })),
      )
      .returning()
    await db.insert(allocations).values(
      fams.flatMap((fam, f) => [
        { councilId, familyId: fam.id, teamId: team!.id, personId: staff[f % 8]!.id, role: 'lead' as const },
        { councilId, familyId: fam.id, teamId: team!.id, personId: staff[(f + 3) % 8]!.id, role: 'co_worker' as const },
      ]),
    )
    const kidRows = Array.from({ length: want }, (_, k) => {
      const age = 1 + Math.floor(rnd() * 16)
      return {
        councilId,
        familyId: fams[k % familyCount]!.id,
        laChildId: `SY${t}K${k}`,
        firstName: `Synthkid${k}`,
        lastName: `Synthfam${t}`,
        dateOfBirth: addCalendarDays(today, -(age * 365 + Math.floor(rnd() * 300))),
        sex: rnd() < 0.5 ? ('F' as const) : ('M' as const),
        ethnicity: pick(ETHNICITIES),
        disabilities: rnd() < 0.08 ? [pick(['LD', 'AUT', 'COMM', 'BEH', 'MOB', 'HEAR'])] : ['NONE'],
        upnUnknown: rnd() < 0.5 ? 'UN2' : null,
      }
    })
    const kids = await db
      .insert(children)
      .values(kidRows)
      .returning({ id: children.id, familyId: children.familyId, dateOfBirth: children.dateOfBirth })
    made += kids.length
    const steps: (typeof caseSteps.$inferInsert)[] = []
    const assessed: (typeof assessments.$inferInsert)[] = []
    kids.forEach((kid, n) => {
      const by = staff[n % 8]!.id
      const base = { councilId, familyId: kid.familyId, childId: kid.id, recordedBy: by }
      const path = n % 7
      // a referral some time in the last ten months (after 1 April for the paths with pre-proceedings)
      const start = ago(path === 5 ? 60 + Math.floor(rnd() * 60) : 40 + Math.floor(rnd() * 260))
      const closes = path === 0 && rnd() < 0.6
      const authorised = addCalendarDays(start, 20 + Math.floor(rnd() * 20))
      const done = authorised <= today
      assessed.push({
        councilId,
        familyId: kid.familyId,
        childId: kid.id,
        referralDate: start,
        startedOn: addCalendarDays(start, 2),
        authorisedOn: done ? authorised : null,
        factors: done ? pick(FACTORS) : [],
        startedBy: by,
      })
      const closedOn = closes && done ? addCalendarDays(authorised, 5) : null
      steps.push({
        ...base,
        kind: 'episode',
        onDate: start,
        endDate: closedOn && closedOn <= today ? closedOn : null,
        details: {
          referralSource: pick(SOURCES),
          primaryNeed: pick(NEEDS),
          closureReason: closedOn && closedOn <= today ? 'RC8' : null,
        },
      })
      // the latest of a date and a plan's start: visits and reviews are recorded as practitioners go
      const since = (planStart: string, daysAgo: number) => (ago(daysAgo) > planStart ? ago(daysAgo) : planStart)
      if (path === 1) {
        const plan = addCalendarDays(start, 25)
        steps.push({ ...base, kind: 'cin_plan', onDate: plan, details: {} })
        steps.push({
          ...base,
          kind: 'statutory_visit',
          onDate: since(plan, 2 + Math.floor(rnd() * 20)),
          details: { plan: 'cin', seenAlone: rnd() < 0.6 },
        })
        const review = since(plan, Math.floor(rnd() * 80))
        if (review > plan) steps.push({ ...base, kind: 'cin_review', onDate: review, details: {} })
      }
      if (path === 2 || path === 5 || path === 4) {
        const sd = addCalendarDays(start, 5)
        steps.push({
          ...base,
          kind: 'strategy_discussion',
          onDate: sd,
          details: { agencies: ['social_care', 'police'], decision: 's47' },
        })
        steps.push({ ...base, kind: 's47', onDate: sd, details: { icpcRequired: path !== 4 } })
        if (path !== 4) {
          const icpc = weekday(addCalendarDays(sd, 14))
          steps.push({
            ...base,
            kind: 'conference',
            onDate: icpc,
            details: { type: 'initial', decision: 'plan', chair: 'Synth Chair' },
          })
          steps.push({
            ...base,
            kind: 'cp_plan',
            onDate: icpc,
            details: { category: pick(CATEGORIES), latestCategory: null },
          })
          const review = weekday(addCalendarDays(icpc, 85))
          if (review <= today)
            steps.push({
              ...base,
              kind: 'conference',
              onDate: review,
              details: { type: 'review', decision: 'continue', chair: 'Synth Chair' },
            })
          steps.push({ ...base, kind: 'core_group', onDate: addCalendarDays(icpc, 8), details: {} })
          const visit = since(icpc, Math.floor(rnd() * 12))
          steps.push({
            ...base,
            kind: 'statutory_visit',
            onDate: visit,
            details: { plan: 'cp', seenAlone: rnd() < 0.7 },
          })
          const group = since(addCalendarDays(icpc, 9), Math.floor(rnd() * 40))
          if (group > addCalendarDays(icpc, 8)) steps.push({ ...base, kind: 'core_group', onDate: group, details: {} })
          if (path === 5) {
            const pp = addCalendarDays(icpc, 10)
            steps.push({
              ...base,
              kind: 'pre_proceedings',
              onDate: pp,
              details: {
                lbpSentOn: addCalendarDays(pp, 3),
                fgdmOffered: true,
                fgdmNotOfferedReason: null,
                fgdmAccepted: true,
                fgdmFacilitatedOn: addCalendarDays(pp, 12),
                initialMeetingOn: addCalendarDays(pp, 10),
                reviewMeetingDates: [],
                stepDecisionOn: null,
                stepDecision: null,
                outcome: null,
                courtApplicationOn: null,
                letterInitiatingOn: null,
              },
            })
          }
        }
      }
      if (path === 3) {
        // about 1 in 7 of the children in need are in care: plans, health, school, moves and times missing
        const la = addCalendarDays(start, 30)
        const home = rnd() < 0.25 // placed with relatives or friends
        const type = home ? pick(['U1', 'U3'] as const) : pick(['U4', 'U6', 'U6', 'K2'] as const)
        const provider =
          type === 'K2' ? pick(['PR1', 'PR4', 'PR5'] as const) : type.startsWith('U') && rnd() < 0.3 ? 'PR4' : 'PR1'
        const postcode = `NM${1 + Math.floor(rnd() * 9)} ${1 + Math.floor(rnd() * 9)}QQ`
        const legalStatus = rnd() < 0.6 ? 'C1' : 'V2'
        steps.push({
          ...base,
          kind: 'looked_after',
          onDate: la,
          details: { legalStatus, careLeaver: false, endReason: null },
        })
        const moves = addCalendarDays(la, 40 + Math.floor(rnd() * 60))
        const moved = rnd() < 0.3 && moves <= today
        const first = { type, provider, inArea: rnd() < 0.6, postcode, sameCarers: false, changeReason: null }
        steps.push({
          ...base,
          kind: 'placement',
          onDate: la,
          endDate: moved ? moves : null,
          details: moved ? { ...first, changeReason: pick(['CARPL', 'CREQB', 'CHILD', 'CLOSE'] as const) } : first,
        })
        if (moved)
          steps.push({
            ...base,
            kind: 'placement',
            onDate: moves,
            details: {
              ...first,
              type: 'U6',
              provider: 'PR1',
              inArea: true,
              postcode: `NM2 ${1 + Math.floor(rnd() * 9)}QX`,
            },
          })
        const order = addCalendarDays(la, 20 + Math.floor(rnd() * 30))
        if (legalStatus === 'C1' && rnd() < 0.4 && order <= today && (!moved || order !== moves))
          steps.push({ ...base, kind: 'legal_status', onDate: order, details: { legalStatus: 'C2' } })
        steps.push({
          ...base,
          kind: 'statutory_visit',
          onDate: since(la, Math.floor(rnd() * 35)),
          details: { plan: 'lac', seenAlone: true },
        })
        const firstReview = addCalendarDays(la, 25)
        // how they took part: "under 4" for the youngest, as the return's rules 440 and 441 ask
        const underFour = !kid.dateOfBirth || firstReview < addCalendarMonths(kid.dateOfBirth, 48)
        const participation = underFour ? 'PN0' : pick(['PN1', 'PN1', 'PN2', 'PN5', 'PN6'] as const)
        if (firstReview <= today)
          steps.push({ ...base, kind: 'lac_review', onDate: firstReview, details: { participation } })
        const plan = addCalendarDays(la, 5 + Math.floor(rnd() * 8))
        if (plan <= today) steps.push({ ...base, kind: 'care_plan', onDate: plan, details: {} })
        // most have had their initial health assessment; some are waiting, as in life
        const health = addCalendarDays(la, 10 + Math.floor(rnd() * 25))
        if (rnd() < 0.85 && health <= today)
          steps.push({ ...base, kind: 'health_assessment', onDate: health, details: { type: 'initial' } })
        const teeth = addCalendarDays(la, 30 + Math.floor(rnd() * 60))
        if (rnd() < 0.7 && teeth <= today) steps.push({ ...base, kind: 'dental_check', onDate: teeth, details: {} })
        const pep = addCalendarDays(la, 12 + Math.floor(rnd() * 15))
        if (rnd() < 0.8 && pep <= today) steps.push({ ...base, kind: 'pep', onDate: pep, details: { type: 'initial' } })
        const gone = addCalendarDays(la, 15 + Math.floor(rnd() * 80))
        if (rnd() < 0.1 && addCalendarDays(gone, 2) <= today) {
          const back = addCalendarDays(gone, 1)
          const held = rnd() < 0.7 && addCalendarDays(back, 2) <= today
          steps.push({
            ...base,
            kind: 'missing_episode',
            onDate: gone,
            endDate: back,
            details: {
              kind: rnd() < 0.7 ? 'missing' : 'away',
              returnInterview: held ? 'held' : null,
              returnInterviewOn: held ? addCalendarDays(back, 2) : null,
            },
          })
        }
      }
    })
    for (let i = 0; i < steps.length; i += 1000) await db.insert(caseSteps).values(steps.slice(i, i + 1000))
    for (let i = 0; i < assessed.length; i += 1000) await db.insert(assessments).values(assessed.slice(i, i + 1000))
  }
  await db.transaction((tx) => refreshCouncilClocks(tx, councilId))
  return councilId
}
