import type { CaseStep, StepDetails } from '@hearth/domain/case-steps'
import { addCalendarDays } from '@hearth/domain/working-days'

/**
 * Ofsted's Annex A (ILACS) child-level lists from Hearth's own records (cin-census.md §5), for a
 * period (`from`–`to`, usually the six months before the inspection). Lists Hearth cannot fill
 * from what it holds say so in the workbook instead of guessing.
 */
export interface AnnexChild {
  id: string
  laChildId: string
  sex: string
  ethnicity: string
  dateOfBirth: string | null
  expectedDateOfBirth: string | null
  disabilities: string[]
  team: string | null
  worker: string | null
}

export interface AnnexRecords {
  child: AnnexChild
  steps: CaseStep[]
  assessments: { startedOn: string; authorisedOn: string | null; factors: string[] }[]
  /** Every referral about the child's family (the front door's record of each contact). */
  referrals: { receivedOn: string; source: string; nfa: boolean }[]
  /** Dates the child was seen, from finalised notes (seen or seen alone). */
  seen: { on: string; alone: boolean }[]
}

export interface AnnexPeriod {
  from: string
  to: string
}

export interface AnnexList {
  number: number
  name: string
  columns: string[]
  rows: (string | number)[][]
  /** Said on the sheet when Hearth does not hold what the list needs. */
  note?: string
}

const SEX: Record<string, string> = { M: 'Male', F: 'Female', U: 'Unknown' }
/** dd/mm/yyyy, as Ofsted asks; blank when there is no date. */
export const ukDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : ''
/** Whole years on the day; −1 for an unborn child. */
export function ageOn(dob: string | null, on: string): number {
  if (!dob) return -1
  let years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4))
  if (on.slice(5) < dob.slice(5)) years--
  return Math.max(years, 0)
}
const disability = (d: string[]) => (d.length === 0 ? 'Unknown' : d.includes('NONE') ? 'No' : 'Yes')
const yn = (b: boolean) => (b ? 'Yes' : 'No')

const BASE = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)']
const base = (c: AnnexChild, to: string) => [
  c.laChildId,
  SEX[c.sex] ?? c.sex,
  c.ethnicity,
  ukDate(c.dateOfBirth ?? c.expectedDateOfBirth),
  ageOn(c.dateOfBirth, to),
]
const ALLOCATED = ['Allocated Team', 'Allocated Worker']
const allocated = (c: AnnexChild) => [c.team ?? '', c.worker ?? '']

const of = <K extends CaseStep['kind']>(steps: CaseStep[], k: K) =>
  steps.filter((s): s is CaseStep<K> => s.kind === k).sort((a, b) => a.on.localeCompare(b.on))

/** Lists 1 to 11 for the period, rows ordered by child and date. */
export function annexLists(records: AnnexRecords[], p: AnnexPeriod): AnnexList[] {
  const inP = (d: string | null) => !!d && d >= p.from && d <= p.to
  const yearBefore = addCalendarDays(p.to, -365)
  const l1: AnnexList = {
    number: 1,
    name: 'Contacts',
    columns: [...BASE, 'Date of Contact', 'Contact Source'],
    rows: [],
    note: 'Every contact reaches Hearth as a referral at the front door: this list is each referral received in the period.',
  }
  const l3: AnnexList = {
    number: 3,
    name: 'Referrals',
    columns: [
      ...BASE,
      ...ALLOCATED,
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
    ],
    rows: [],
  }
  const l4: AnnexList = {
    number: 4,
    name: 'Assessments',
    columns: [
      ...BASE,
      'Does the Child have a Disability',
      ...ALLOCATED,
      'Continuous Assessment Start Date',
      'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation',
      "Was the child assessed as requiring LA children's social care support?",
    ],
    rows: [],
  }
  const l5: AnnexList = {
    number: 5,
    name: 'Section 47 enquiries and ICPCs',
    columns: [
      ...BASE,
      'Does the Child have a Disability',
      ...ALLOCATED,
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an Initial Child Protection Conference deemed unnecessary?',
      'Date of Initial Child Protection Conference',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan',
      'Number of Section 47 Enquiries in the last 12 months',
      'Number of ICPCs in the last 12 months',
    ],
    rows: [],
  }
  const l6: AnnexList = {
    number: 6,
    name: 'Children in need',
    columns: [
      ...BASE,
      'Does the Child have a Disability',
      ...ALLOCATED,
      'CIN Start Date',
      'Primary Need Code',
      'Date Child Was Last Seen',
      'CIN Closure Date',
      'Reason for Closure',
      'Case Status',
    ],
    rows: [],
  }
  const l7: AnnexList = {
    number: 7,
    name: 'Child protection',
    columns: [
      ...BASE,
      'Does the Child have a Disability',
      ...ALLOCATED,
      'Child Protection Plan Start Date',
      'Initial Category of Abuse',
      'Latest Category of Abuse',
      'Date of the Last Statutory Visit',
      'Was the Child Seen Alone?',
      'Date of latest review conference',
      'Child Protection Plan End Date',
      'Number of Previous Child Protection Plans',
    ],
    rows: [],
  }
  const l8: AnnexList = {
    number: 8,
    name: 'Children in care',
    columns: [
      ...BASE,
      'Does the Child have a Disability',
      ...ALLOCATED,
      'Date Started to be Looked After',
      "Child's Legal Status",
      'Date of Latest Statutory Review',
      'Date of Last Social Work Visit',
      'Number of Placements in the Last 12 months',
      'Date Ceased to be Looked After',
      'Start Date of Most Recent Placement',
      'Placement Type',
      'Placement Location',
    ],
    rows: [],
  }
  for (const r of records) {
    const c = r.child
    const b = base(c, p.to)
    const d = disability(c.disabilities)
    for (const ref of r.referrals.filter((x) => inP(x.receivedOn))) {
      l1.rows.push([...b, ukDate(ref.receivedOn), ref.source])
      l3.rows.push([
        ...b,
        ...allocated(c),
        ukDate(ref.receivedOn),
        ref.source,
        ref.nfa ? 'Yes' : 'No',
        r.referrals.filter((x) => x.receivedOn > yearBefore && x.receivedOn <= p.to).length,
      ])
    }
    for (const a of r.assessments.filter((x) => inP(x.startedOn) || inP(x.authorisedOn))) {
      const seen = r.seen.some((s) => s.on >= a.startedOn && s.on <= (a.authorisedOn ?? p.to))
      l4.rows.push([
        ...b,
        d,
        ...allocated(c),
        ukDate(a.startedOn),
        yn(seen),
        ukDate(a.authorisedOn),
        a.authorisedOn ? yn(!a.factors.includes('21')) : '',
      ])
    }
    const conferences = of(r.steps, 'conference')
    const s47s = of(r.steps, 's47')
    for (const s of s47s.filter((x) => inP(x.on))) {
      const sd = of(r.steps, 'strategy_discussion')
        .filter((x) => x.details.decision === 's47' && x.on <= s.on)
        .at(-1)
      const icpc = conferences.find((x) => x.details.type === 'initial' && x.on >= s.on)
      l5.rows.push([
        ...b,
        d,
        ...allocated(c),
        ukDate(sd?.on ?? s.on),
        yn(s.details.icpcRequired === false),
        ukDate(icpc?.on),
        icpc ? yn(icpc.details.decision === 'plan') : '',
        s47s.filter((x) => x.on > yearBefore && x.on <= p.to).length,
        conferences.filter((x) => x.details.type === 'initial' && x.on > yearBefore && x.on <= p.to).length,
      ])
    }
    for (const e of of(r.steps, 'episode').filter((x) => x.on <= p.to && (!x.endOn || x.endOn >= p.from))) {
      const det = e.details as StepDetails['episode']
      const last = r.seen.filter((s) => s.on >= e.on && s.on <= (e.endOn ?? p.to)).at(-1)
      const status = of(r.steps, 'looked_after').some((x) => x.on <= p.to && (!x.endOn || x.endOn > p.to))
        ? 'Looked after child'
        : of(r.steps, 'cp_plan').some((x) => x.on <= p.to && (!x.endOn || x.endOn > p.to))
          ? 'Child protection plan'
          : e.endOn && e.endOn <= p.to
            ? 'Closed episode'
            : 'Open case'
      l6.rows.push([
        ...b,
        d,
        ...allocated(c),
        ukDate(e.on),
        det.primaryNeed ?? '',
        ukDate(last?.on),
        ukDate(e.endOn && e.endOn <= p.to ? e.endOn : null),
        e.endOn && e.endOn <= p.to ? (det.closureReason ?? '') : '',
        status,
      ])
    }
    const plans = of(r.steps, 'cp_plan')
    for (const plan of plans.filter((x) => x.on <= p.to && (!x.endOn || x.endOn >= p.from))) {
      const end = plan.endOn && plan.endOn <= p.to ? plan.endOn : null
      const visit = of(r.steps, 'statutory_visit')
        .filter((v) => v.details.plan === 'cp' && v.on >= plan.on && v.on <= (end ?? p.to))
        .at(-1)
      const review = conferences
        .filter((x) => x.details.type === 'review' && x.on > plan.on && x.on <= (end ?? p.to))
        .at(-1)
      l7.rows.push([
        ...b,
        d,
        ...allocated(c),
        ukDate(plan.on),
        plan.details.category,
        plan.details.latestCategory ?? plan.details.category,
        ukDate(visit?.on),
        visit ? yn(visit.details.seenAlone) : '',
        ukDate(review?.on),
        ukDate(end),
        plans.filter((x) => x.on < plan.on).length,
      ])
    }
    for (const la of of(r.steps, 'looked_after').filter((x) => x.on <= p.to && (!x.endOn || x.endOn >= p.from))) {
      const until = la.endOn && la.endOn <= p.to ? la.endOn : p.to
      const placements = of(r.steps, 'placement').filter((x) => x.on >= la.on && x.on <= until)
      const latest = placements.at(-1)
      l8.rows.push([
        ...b,
        d,
        ...allocated(c),
        ukDate(la.on),
        la.details.legalStatus,
        ukDate(
          of(r.steps, 'lac_review')
            .filter((x) => x.on >= la.on && x.on <= until)
            .at(-1)?.on,
        ),
        ukDate(
          of(r.steps, 'statutory_visit')
            .filter((v) => v.details.plan === 'lac' && v.on >= la.on && v.on <= until)
            .at(-1)?.on,
        ),
        placements.filter((x) => (x.endOn ?? p.to) > yearBefore).length,
        ukDate(la.endOn && la.endOn <= p.to ? la.endOn : null),
        ukDate(latest?.on),
        latest?.details.type ?? '',
        latest ? (latest.details.inArea ? 'In area' : 'Out of area') : '',
      ])
    }
  }
  const notHeld = (number: number, name: string, what: string): AnnexList => ({
    number,
    name,
    columns: [],
    rows: [],
    note: `Hearth does not hold ${what}, so this list is left for the council to fill from where it is kept.`,
  })
  return [
    l1,
    notHeld(2, 'Early help', 'early help assessments'),
    l3,
    l4,
    l5,
    l6,
    l7,
    l8,
    notHeld(9, 'Care leavers', 'care leavers’ eligibility, accommodation and activity'),
    notHeld(10, 'Adoption', 'adoption decisions and orders'),
    notHeld(11, 'Adopters', 'adopters'),
  ]
}
