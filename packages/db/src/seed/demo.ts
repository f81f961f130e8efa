import { and, eq, ne, sql } from 'drizzle-orm'
import {
  DEFAULT_THRESHOLDS,
  holidaySet,
  londonDateOf,
  upnCheckLetter,
  workingDayDeadline,
  type Role,
  type TeamKind,
} from '@hearth/domain'
import type { Db } from '../client'
import { hashPassword } from '../passwords'
import { nextReference } from '../references'
import { councils } from '../schema/councils'
import { adults, children, families, relationships } from '../schema/families'
import { offers, referralChildren, referrals } from '../schema/referrals'
import { allocations, dutyRota, visits } from '../schema/teamwork'
import { proposals } from '../schema/proposals'
import { createTask } from '../admin-tasks'
import { adminTasks } from '../schema/admin-tasks'
import { commissions, insightRequests } from '../schema/insight'
import { seedDirectory } from './directory'
import { memberships, patches, people, teams } from '../schema/organisation'

export const DEMO_PASSWORD = 'hearth-demo-2026'

/** One sign-in per role; the README lists these. */
export const DEMO_SIGN_INS: { role: Role; email: string; name: string }[] = [
  { role: 'administrator', email: 'admin@northmoor.example', name: 'Ada Administrator' },
  { role: 'practitioner', email: 'practitioner@northmoor.example', name: 'Priya Practitioner' },
  { role: 'referral_officer', email: 'referrals@northmoor.example', name: 'Rowan Referrals' },
  { role: 'enabler', email: 'enabler@northmoor.example', name: 'Enid Enabler' },
  { role: 'insight_adviser', email: 'insight@northmoor.example', name: 'Ines Insight' },
  { role: 'strategy_member', email: 'strategy@northmoor.example', name: 'Stan Strategy' },
]

export interface SeedOptions {
  councilName?: string
  laCode?: string
  /** e.g. "northmoor.example"; demo sign-ins are rewritten onto it. */
  emailDomain?: string
  /** Postcode area letters for the invented postcodes, e.g. "NM". */
  postcodeArea?: string
  familyCount?: number
  /** Reuse one hash for every seeded person (all share the demo password). */
  passwordHash?: string
  seed?: number
  /**
   * Demo extras: example insight work (consultations, coaching, a commission) and ten weeks of
   * history for the team figures (when families were taken on, admin done, consultations waited).
   * Tests start without them.
   */
  insightExamples?: boolean
}

export interface SeededCouncil {
  councilId: string
  patchIds: string[]
  teamIds: Record<string, string>
  signIns: { role: Role; email: string; personId: string }[]
}

/** Small deterministic PRNG so every fresh demo looks the same. */
function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Invented surnames: nobody should mistake demo families for real ones.
const SURNAMES = [
  'Quillfeather',
  'Brightwater',
  'Fernsby',
  'Marlowdene',
  'Thistlecombe',
  'Ashcombe-Vale',
  'Pebbleworth',
  'Larkspurrow',
  'Hollowmere',
  'Oakenfold',
  'Wrenfield',
  'Duskwood',
  'Mossgrave',
  'Kettleby',
  'Saltmarsh',
  'Tumbledown',
  'Cobblestone',
  'Nettlebrook',
  'Rowanberry',
  'Willowick',
  'Amberlea',
  'Foxhollow',
  'Glimmerton',
  'Harebell',
  'Inkwood',
  'Juniperra',
  'Kingfisherly',
  'Lanternby',
  'Meadowsweet',
  'Nightjarr',
]
const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Cleo',
  'Dev',
  'Esme',
  'Finn',
  'Gracie',
  'Hari',
  'Isla',
  'Jayden',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Oscar',
  'Pippa',
  'Rafi',
  'Sana',
  'Theo',
  'Uma',
  'Vince',
  'Willa',
  'Yusuf',
  'Zara',
  'Mohammed',
  'Ellie',
]
const ADULT_NAMES = ['Dana', 'Chris', 'Sam', 'Jo', 'Alex', 'Robin', 'Morgan', 'Jamie', 'Kerry', 'Lee']
const STREETS = [
  'Lantern Row',
  'Kestrel Lane',
  'Old Mill Court',
  'Hawthorn Walk',
  'Copper Street',
  'Tannery Close',
  'Orchard Rise',
]
const LANGUAGES = ['English', 'English', 'English', 'English', 'Polish', 'Urdu', 'Romanian', 'Somali', 'Bengali']
const ETHNICITIES = ['WBRI', 'WBRI', 'WOTH', 'MWBC', 'APKN', 'BAFR', 'ABAN', 'WROM', 'OOTH', 'NOBT']

const PRACTITIONER_NAMES = [
  'Alice Amberfield',
  'Bilal Birchmore',
  'Carys Calderwood',
  'Declan Dovecote',
  'Efe Elmstead',
  'Freya Foxley',
  'Gareth Greenhythe',
  'Hana Hartwell',
  'Imran Ivybridge',
  'Jess Juniper',
  'Kofi Kingsmere',
  'Laila Larchmont',
  'Marek Mistlethorpe',
  'Nadia Northwood',
  'Owen Oakridge',
  'Paula Pinecroft',
  'Quentin Quarrybank',
  'Ruth Rookwood',
  'Sunil Sedgefield',
  'Tara Thornbury',
  'Umar Underhill',
  'Vera Valewood',
  'Wes Whitmoor',
]

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!
}

function nhsNumber(rnd: () => number): string {
  // 999 prefix: the NHS's range for test numbers, never issued to a real person.
  for (;;) {
    const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => Math.floor(rnd() * 10))]
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0)
    let check = 11 - (sum % 11)
    if (check === 11) check = 0
    if (check === 10) continue
    return [...digits, check].join('')
  }
}

function upn(rnd: () => number, laCode: string): string {
  const body = `${laCode}${Array.from({ length: 9 }, () => Math.floor(rnd() * 10)).join('')}`
  return `${upnCheckLetter(`A${body}`)}${body}`
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/**
 * Creates a demo council when none of that name exists: patches, the five kinds of team, people
 * of every role and about 40 invented families with 60 children. Safe to call on every start.
 */
export async function seedDemoCouncil(db: Db, options: SeedOptions = {}): Promise<SeededCouncil | null> {
  const councilName = options.councilName ?? 'Northmoor Borough Council (demo)'
  const laCode = options.laCode ?? '999'
  const domain = options.emailDomain ?? 'northmoor.example'
  const area = options.postcodeArea ?? 'NM'
  const familyCount = options.familyCount ?? 40
  const rnd = mulberry32(options.seed ?? 20261122)

  const existing = await db.select({ id: councils.id }).from(councils).where(eq(councils.name, councilName))
  if (existing.length) return null

  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD))

  return db.transaction(async (tx) => {
    const [council] = await tx.insert(councils).values({ name: councilName, laCode }).returning()
    const councilId = council!.id

    const patchSpecs = [
      { name: 'Eastfield', postcodeAreas: [`${area}1`, `${area}2`] },
      { name: 'Riverside', postcodeAreas: [`${area}3`, `${area}4`] },
      { name: 'Oakhill', postcodeAreas: [`${area}5`, `${area}6`] },
    ]
    const patchRows = await tx
      .insert(patches)
      .values(patchSpecs.map((p) => ({ ...p, councilId })))
      .returning()

    const teamSpecs: { name: string; kind: TeamKind; patchId?: string }[] = [
      ...patchRows.map((p) => ({ name: `${p.name} family team`, kind: 'family_facing' as const, patchId: p.id })),
      { name: 'Front door referral team', kind: 'referral' },
      { name: 'Enabler team', kind: 'enabler' },
      { name: 'Insight team', kind: 'insight' },
      { name: 'Strategy team', kind: 'strategy' },
    ]
    const teamRows = await tx
      .insert(teams)
      .values(teamSpecs.map((t) => ({ ...t, councilId })))
      .returning()
    const teamIds = Object.fromEntries(teamRows.map((t) => [t.name, t.id]))

    const email = (local: string) => `${local}@${domain}`
    const peopleSpecs: { name: string; email: string; roles: Role[]; teams: string[] }[] = []
    const ffTeams = teamRows.filter((t) => t.kind === 'family_facing')
    // The named demo practitioner is the first of Eastfield's eight.
    const signIn = (role: Role) => DEMO_SIGN_INS.find((s) => s.role === role)!
    peopleSpecs.push({
      name: signIn('practitioner').name,
      email: email('practitioner'),
      roles: ['practitioner'],
      teams: [ffTeams[0]!.id],
    })
    let nameIndex = 0
    ffTeams.forEach((team, ti) => {
      for (let i = ti === 0 ? 1 : 0; i < 8; i++) {
        const name = PRACTITIONER_NAMES[nameIndex++ % PRACTITIONER_NAMES.length]!
        const local = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}`
        peopleSpecs.push({ name, email: email(local), roles: ['practitioner'], teams: [team.id] })
      }
    })
    const byKind = (k: TeamKind) => teamRows.find((t) => t.kind === k)!.id
    peopleSpecs.push({
      name: signIn('referral_officer').name,
      email: email('referrals'),
      roles: ['referral_officer'],
      teams: [byKind('referral')],
    })
    peopleSpecs.push({
      name: 'Rhys Ridgeway',
      email: email('rhys.ridgeway'),
      roles: ['referral_officer'],
      teams: [byKind('referral')],
    })
    peopleSpecs.push({
      name: 'Rosa Redfern',
      email: email('rosa.redfern'),
      roles: ['referral_officer'],
      teams: [byKind('referral')],
    })
    peopleSpecs.push({
      name: signIn('enabler').name,
      email: email('enabler'),
      roles: ['enabler'],
      teams: [byKind('enabler')],
    })
    peopleSpecs.push({
      name: 'Eli Eastwick',
      email: email('eli.eastwick'),
      roles: ['enabler'],
      teams: [byKind('enabler')],
    })
    peopleSpecs.push({
      name: 'Emma Everleigh',
      email: email('emma.everleigh'),
      roles: ['enabler'],
      teams: [byKind('enabler')],
    })
    peopleSpecs.push({
      name: signIn('insight_adviser').name,
      email: email('insight'),
      roles: ['insight_adviser'],
      teams: [byKind('insight')],
    })
    peopleSpecs.push({
      name: 'Ivan Inglewood',
      email: email('ivan.inglewood'),
      roles: ['insight_adviser'],
      teams: [byKind('insight')],
    })
    peopleSpecs.push({
      name: signIn('strategy_member').name,
      email: email('strategy'),
      roles: ['strategy_member'],
      teams: [byKind('strategy')],
    })
    peopleSpecs.push({
      name: 'Sofia Stonebridge',
      email: email('sofia.stonebridge'),
      roles: ['strategy_member'],
      teams: [byKind('strategy')],
    })
    peopleSpecs.push({ name: signIn('administrator').name, email: email('admin'), roles: ['administrator'], teams: [] })

    const personRows = await tx
      .insert(people)
      .values(peopleSpecs.map((p) => ({ councilId, name: p.name, email: p.email, roles: p.roles, passwordHash })))
      .returning()
    const membershipValues = peopleSpecs.flatMap((p, i) =>
      p.teams.map((teamId) => ({ councilId, teamId, personId: personRows[i]!.id })),
    )
    await tx.insert(memberships).values(membershipValues)

    // Families: spread across the three patches, plus one outside every patch.
    const today = new Date()
    const familyRows: { id: string; patchId: string | null; childIds: string[] }[] = []
    let childCount = 0
    for (let f = 0; f < familyCount; f++) {
      const surname = SURNAMES[f % SURNAMES.length]!
      const district = f === familyCount - 1 ? `${area}9` : `${area}${(f % 6) + 1}`
      const patch = patchRows.find((p) => p.postcodeAreas.includes(district)) ?? null
      const language = pick(rnd, LANGUAGES)
      // Inward-code letters never include C, I, K, M, O or V.
      const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
      const postcode = `${district} ${1 + Math.floor(rnd() * 9)}${INWARD[Math.floor(rnd() * INWARD.length)]}${INWARD[Math.floor(rnd() * INWARD.length)]}`
      const [family] = await tx
        .insert(families)
        .values({
          councilId,
          reference: await nextReference(tx, 'family'),
          name: `${surname} family`,
          addressLine1: `${1 + Math.floor(rnd() * 120)} ${pick(rnd, STREETS)}`,
          town: 'Northmoor',
          postcode,
          patchId: patch?.id ?? null,
          language,
          interpreterNeeded: language !== 'English' && rnd() < 0.6,
        })
        .returning()
      // 60 children over 40 families: half the families have two.
      const nChildren = f % 2 === 0 ? 2 : 1
      const childRows = []
      for (let c = 0; c < nChildren; c++) {
        childCount++
        const unborn = childCount % 29 === 0
        const dob = new Date(today.getTime() - Math.floor(rnd() * 17 * 365 + 30) * 86400000)
        const edd = new Date(today.getTime() + Math.floor(rnd() * 150 + 20) * 86400000)
        const [child] = await tx
          .insert(children)
          .values({
            councilId,
            familyId: family!.id,
            laChildId: `${laCode}C${String(childCount).padStart(6, '0')}`,
            firstName: unborn ? 'Unborn' : pick(rnd, FIRST_NAMES),
            lastName: surname,
            dateOfBirth: unborn ? null : isoDate(dob),
            expectedDateOfBirth: unborn ? isoDate(edd) : null,
            sex: unborn ? 'U' : rnd() < 0.5 ? 'F' : 'M',
            ethnicity: pick(rnd, ETHNICITIES),
            nhsNumber: rnd() < 0.8 ? nhsNumber(rnd) : null,
            upn: !unborn && rnd() < 0.6 ? upn(rnd, laCode) : null,
          })
          .returning()
        childRows.push(child!)
      }
      familyRows.push({ id: family!.id, patchId: patch?.id ?? null, childIds: childRows.map((c) => c.id) })
      const [parent] = await tx
        .insert(adults)
        .values({
          councilId,
          familyId: family!.id,
          name: `${pick(rnd, ADULT_NAMES)} ${surname}`,
          description: 'Parent',
          livesWithFamily: true,
        })
        .returning()
      await tx.insert(relationships).values(
        childRows.map((child) => ({
          councilId,
          familyId: family!.id,
          adultId: parent!.id,
          childId: child.id,
          kind: 'parent',
          strengths: 'Walks the children to school every day.',
        })),
      )
    }

    // Referrals at the front door: two waiting for a decision, some decided and on team boards,
    // one that could not be routed (no patch covers its postcode), one with no further action.
    const officer = personRows.find((p) => p.email === email('referrals'))!
    const holidays = holidaySet()
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000)
    const specs: {
      family: number
      receivedHoursAgo: number
      source: string
      referrer: string
      worries: string
      decision?: string
      reasons?: string
      need?: string
      routeTo?: string | null
    }[] = [
      {
        family: 0,
        receivedHoursAgo: 30,
        source: '2A',
        referrer: 'Head of year, Kestrel Lane Primary (invented)',
        worries:
          'The older girl has come to school hungry most days this week. She said there is no food at home since her mum lost her job.',
      },
      {
        family: 2,
        receivedHoursAgo: 2,
        source: '6',
        referrer: 'PC Demo, Northmoor police (invented)',
        worries:
          'Neighbours called police to shouting at the address late last night. Two children were at home. No injuries seen.',
      },
      {
        family: 6,
        receivedHoursAgo: 50,
        source: '3B',
        referrer: 'Health visitor (invented)',
        worries: 'Mum is struggling since the baby was born and has missed the last two appointments.',
        decision: 'assessment',
        reasons:
          'Mum has asked for help and the baby is very young. An assessment will find out what support the family needs.',
        need: 'N4',
        routeTo: 'team',
      },
      {
        family: 1,
        receivedHoursAgo: 70,
        source: '1A',
        referrer: 'Grandmother (invented)',
        worries: 'Worried the children are left alone in the evenings while dad works nights.',
        decision: 'early_help',
        reasons: 'Dad agrees he needs help with childcare in the evenings. Early help can arrange it with him.',
        routeTo: 'team',
      },
      {
        family: familyCount - 1,
        receivedHoursAgo: 26,
        source: '8',
        referrer: 'Youth worker, voluntary sector (invented)',
        worries: 'A young person told me they do not feel safe going home.',
        decision: 'assessment',
        reasons: 'The young person says they feel unsafe at home. We need to see them and understand why.',
        need: 'N1',
        routeTo: null,
      },
      {
        family: 4,
        receivedHoursAgo: 90,
        source: '3A',
        referrer: 'GP surgery (invented)',
        worries: 'Asked for information about local parenting groups.',
        decision: 'information_advice',
        reasons: 'The family wanted information only; the GP has passed on the parenting groups list.',
      },
    ]
    for (const [i, spec] of specs.entries()) {
      const fam = familyRows[spec.family]
      if (!fam) continue
      const receivedAt = hoursAgo(spec.receivedHoursAgo)
      const { dueDate, dueAt } = workingDayDeadline(receivedAt, 1, holidays)
      const decidedAt = spec.decision ? new Date(receivedAt.getTime() + 5 * 3600_000) : null
      const team =
        spec.routeTo === 'team'
          ? teamRows.find((t) => t.kind === 'family_facing' && t.patchId === fam.patchId)
          : undefined
      const routedAt = team && decidedAt ? new Date(decidedAt.getTime() + 1500) : null
      const [ref] = await tx
        .insert(referrals)
        .values({
          councilId,
          reference: await nextReference(tx, 'referral'),
          receivedAt,
          receivedBy: officer.id,
          source: spec.source,
          referrerName: spec.referrer,
          worries: spec.worries,
          familyKnowledge: i % 2 === 0 ? 'The family knows we have been contacted and agreed to it.' : null,
          familyConsent: i % 2 === 0 ? 'agreed' : 'unknown',
          familyId: fam.id,
          dueDate,
          dueAt,
          status: spec.decision ? 'decided' : 'awaiting_decision',
          decision: spec.decision ?? null,
          decisionReasons: spec.reasons ?? null,
          primaryNeedCode: spec.need ?? null,
          decidedAt,
          decidedBy: spec.decision ? officer.id : null,
          routingStatus: !spec.decision || spec.routeTo === undefined ? 'not_needed' : team ? 'routed' : 'unroutable',
          routingNote: spec.routeTo === null ? 'No patch covers this postcode.' : null,
          routedTeamId: team?.id ?? null,
          routedAt,
        })
        .returning()
      await tx
        .insert(referralChildren)
        .values(fam.childIds.map((childId) => ({ councilId, referralId: ref!.id, childId, linked: false })))
      if (team && routedAt)
        await tx
          .insert(offers)
          .values({ councilId, familyId: fam.id, teamId: team.id, referralId: ref!.id, offeredAt: routedAt })
    }

    // Each family-facing team already holds some of its patch's families (lead + co-worker), has a
    // duty rota for the fortnight, and the demo practitioner has visits today.
    const referred = new Set(specs.map((x) => familyRows[x.family]?.id))
    const todayIso = londonDateOf(new Date())
    for (const team of ffTeams) {
      const teamPeople = peopleSpecs
        .map((p, i) => ({ spec: p, row: personRows[i]! }))
        .filter((p) => p.spec.teams.includes(team.id))
        .map((p) => p.row)
      const patchFamilies = familyRows.filter((f) => f.patchId === team.patchId && !referred.has(f.id))
      const held = patchFamilies.slice(0, Math.ceil(patchFamilies.length * 0.6))
      for (const [i, f] of held.entries()) {
        const lead = teamPeople[i % teamPeople.length]!
        const co = teamPeople[(i + 3) % teamPeople.length]!
        await tx.insert(allocations).values([
          { councilId, familyId: f.id, teamId: team.id, personId: lead.id, role: 'lead' },
          { councilId, familyId: f.id, teamId: team.id, personId: co.id, role: 'co_worker' },
        ])
        if (lead.email === email('practitioner') || co.email === email('practitioner')) {
          const at = new Date()
          at.setUTCHours(9 + (i % 6), i % 2 ? 30 : 0, 0, 0)
          const [v] = await tx
            .insert(visits)
            .values({
              councilId,
              familyId: f.id,
              teamId: team.id,
              kind: i % 3 ? 'home_visit' : 'school',
              startsAt: at,
              durationMinutes: 60,
              place: i % 3 ? 'At home' : 'Kestrel Lane Primary (invented)',
              attendeeIds: [lead.id, co.id].filter((x, j, a) => a.indexOf(x) === j),
              bookedBy: lead.id,
            })
            .returning()
          // the enablers' queue starts with the admin these visits brought
          await createTask(tx, {
            councilId,
            sourceKey: `visit:${v!.id}:visit_confirmation`,
            taskType: 'visit_confirmation',
            teamId: team.id,
            familyId: f.id,
            visitId: v!.id,
            requestedBy: lead.id,
            notAfter: at,
          })
        }
      }
      for (let d = 0; d < 14; d++) {
        const day = new Date(Date.parse(`${todayIso}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10)
        await tx
          .insert(dutyRota)
          .values({ councilId, teamId: team.id, day, personId: teamPeople[d % teamPeople.length]!.id })
      }
    }

    // The strategy team has one conversation-3 package waiting for its decision.
    const priya = personRows.find((p) => p.email === email('practitioner'))!
    const [priyaLead] = await tx
      .select()
      .from(allocations)
      .where(
        and(eq(allocations.councilId, councilId), eq(allocations.personId, priya.id), eq(allocations.role, 'lead')),
      )
    if (priyaLead) {
      const due = workingDayDeadline(new Date(), DEFAULT_THRESHOLDS.decisionWorkingDays, holidays)
      await tx.insert(proposals).values({
        councilId,
        teamId: priyaLead.teamId,
        familyId: priyaLead.familyId,
        proposedBy: priya.id,
        what: 'Short breaks at a residential centre, one weekend a month',
        forWhom: 'The eldest child, who has complex needs',
        why: 'Mum is exhausted and has said she cannot keep going without regular breaks. The family network helps on weekdays but nobody can manage overnight care.',
        weeklyPence: 120_000,
        weeks: 12,
        totalPence: 1_440_000,
        alternatives: 'More hours from Nan (she already does three days); a day centre (no overnight help).',
        familyView: '“If I get one weekend a month to sleep, I can carry on.”',
        conversationStage: 3,
        route: 'strategy',
        signOffPenceAtSubmission: DEFAULT_THRESHOLDS.signOffPence,
        approvalsNeeded: 1,
        status: 'awaiting_strategy',
        decisionDueDate: due.dueDate,
        decisionDueAt: due.dueAt,
      })
    }

    await seedDirectory(tx, councilId, area)

    // The insight team has work: a consultation waiting too long, coaching just asked, advice given, a commission to arrange.
    if (priyaLead && options.insightExamples !== false) {
      const ivan = personRows.find((p) => p.email === email('ivan.inglewood'))!
      const [other] = await tx
        .select()
        .from(allocations)
        .where(
          and(
            eq(allocations.councilId, councilId),
            eq(allocations.teamId, priyaLead.teamId),
            eq(allocations.role, 'lead'),
            ne(allocations.familyId, priyaLead.familyId),
          ),
        )
      const daysAgo = (d: number, h = 0) => new Date(Date.now() - d * 86_400_000 - h * 3_600_000)
      await tx.insert(insightRequests).values([
        {
          councilId,
          kind: 'consultation',
          topic: 'exploitation',
          teamId: priyaLead.teamId,
          familyId: priyaLead.familyId,
          askedBy: priya.id,
          askedAt: daysAgo(6),
          question:
            'The eldest has been missing twice this month and came back with a new phone. Is this criminal exploitation, and what should we do first?',
        },
        {
          councilId,
          kind: 'coaching',
          topic: 'systemic_case_discussion',
          teamId: priyaLead.teamId,
          askedBy: priya.id,
          askedAt: daysAgo(0, 2),
          question:
            'Two of our families are stuck: every plan we make falls apart by the next visit. We would like a systemic case discussion with the whole team.',
        },
        {
          councilId,
          kind: 'consultation',
          topic: 'mental_health',
          teamId: priyaLead.teamId,
          familyId: (other ?? priyaLead).familyId,
          askedBy: priya.id,
          askedAt: daysAgo(9),
          status: 'advice_given',
          question:
            'Dad has not left the house for three weeks and the children are doing the shopping. How do we talk to him about it, and who should we bring in?',
          takenBy: ivan.id,
          takenAt: daysAgo(8),
          sessionAt: daysAgo(7),
          sessionMinutes: 60,
          attendees: 'Priya, her co-worker and Ivan',
          adviceAt: daysAgo(7),
          advice:
            'Start with what dad is proud of: the children are fed and at school. Ask him what a good day looks like and what gets in the way. With his agreement, ask the GP for a home visit this week; the talking therapies team takes self-referrals by phone. Keep the children out of the caring role: the young carers club can give them a break on Thursdays.',
        },
      ])
      await tx.insert(commissions).values({
        councilId,
        teamId: priyaLead.teamId,
        familyId: priyaLead.familyId,
        askedBy: priya.id,
        askedAt: daysAgo(1),
        need: 'A mentor who knows the local youth scene, two evenings a week',
        why: 'The eldest trusts nobody from the council; the youth hub does not cover this patch in the evenings and nothing else listed fits.',
        familyView: '“He listens to people who have been there.”',
        weeks: 12,
        budgetPence: 360_000,
      })

      // Ten weeks of history, so the figures have a story: families taken on over the weeks,
      // children known before that, admin done for each team, consultations that waited.
      await tx.execute(
        sql`update children set created_at = now() - interval '120 days' where council_id = ${councilId}`,
      )
      await tx.execute(
        sql`update allocations set started_at = now() - make_interval(days => 3 + (abs(hashtext(family_id::text)) % 70)) where council_id = ${councilId} and ended_at is null`,
      )
      const enabler = personRows.find((p) => p.email === email('enabler'))!
      const history: (typeof adminTasks.$inferInsert)[] = []
      const asked: (typeof insightRequests.$inferInsert)[] = []
      for (const [ti, team] of ffTeams.entries()) {
        for (let week = 1; week <= 10; week++) {
          for (let n = 0; n < 2 + ((week + ti) % 3); n++) {
            const created = daysAgo(week * 7 - n, 3 + n)
            const hours = 2 + ((week * 7 + n * 5 + ti * 3) % 40)
            history.push({
              councilId,
              sourceKey: `demo-history:${team.id}:${week}:${n}`,
              taskType: n % 2 ? 'interpreter_booking' : 'visit_confirmation',
              teamId: team.id,
              dueAt: new Date(created.getTime() + 24 * 3600_000),
              minutesSaved: n % 2 ? 30 : 15,
              status: 'done',
              createdAt: created,
              completedAt: new Date(created.getTime() + hours * 3600_000),
              completedBy: enabler.id,
              outcome: 'Done (demo history).',
            })
          }
          if ((week + ti) % 3 === 0) {
            const at = daysAgo(week * 7, 1)
            asked.push({
              councilId,
              kind: 'consultation',
              topic: week % 2 ? 'domestic_abuse' : 'disability',
              teamId: team.id,
              question: 'A question from the demo history.',
              askedBy: priya.id,
              askedAt: at,
              status: 'advice_given',
              takenBy: ivan.id,
              takenAt: new Date(at.getTime() + (6 + week * 3) * 3600_000),
              advice: 'Advice from the demo history, for the figures.',
              adviceAt: new Date(at.getTime() + (30 + week * 3) * 3600_000),
            })
          }
        }
      }
      await tx.insert(adminTasks).values(history)
      await tx.insert(insightRequests).values(asked)
    }

    const signIns = DEMO_SIGN_INS.map((s) => {
      const row = personRows.find((p) => p.email === email(s.email.split('@')[0]!))!
      return { role: s.role, email: row.email, personId: row.id }
    })
    return { councilId, patchIds: patchRows.map((p) => p.id), teamIds, signIns }
  })
}
