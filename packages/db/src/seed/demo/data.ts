import { upnCheckLetter } from '@hearth/domain/identifiers'
import type { Role } from '@hearth/domain/roles'

export const DEMO_PASSWORD = 'hearth-demo-2026'

/** One sign-in per role; the README lists these. */
export const DEMO_SIGN_INS: { role: Role; email: string; name: string }[] = [
  { role: 'administrator', email: 'admin@northmoor.example', name: 'Ada Administrator' },
  { role: 'practitioner', email: 'practitioner@northmoor.example', name: 'Priya Practitioner' },
  { role: 'referral_officer', email: 'referrals@northmoor.example', name: 'Rowan Referrals' },
  { role: 'enabler', email: 'enabler@northmoor.example', name: 'Enid Enabler' },
  { role: 'insight_adviser', email: 'insight@northmoor.example', name: 'Ines Insight' },
  { role: 'strategy_member', email: 'strategy@northmoor.example', name: 'Stan Strategy' },
  { role: 'information_governance', email: 'governance@northmoor.example', name: 'Iona Governance' },
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
  /** The demo family on a child protection plan and a child in need plan (default on). */
  statutoryExamples?: boolean
}

export interface SeededCouncil {
  councilId: string
  patchIds: string[]
  teamIds: Record<string, string>
  signIns: { role: Role; email: string; personId: string }[]
}

/** Small deterministic PRNG so every fresh demo looks the same. */
export function mulberry32(seed: number) {
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
export const SURNAMES = [
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
export const FIRST_NAMES = [
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
export const ADULT_NAMES = ['Dana', 'Chris', 'Sam', 'Jo', 'Alex', 'Robin', 'Morgan', 'Jamie', 'Kerry', 'Lee']
export const STREETS = [
  'Lantern Row',
  'Kestrel Lane',
  'Old Mill Court',
  'Hawthorn Walk',
  'Copper Street',
  'Tannery Close',
  'Orchard Rise',
]
export const LANGUAGES = ['English', 'English', 'English', 'English', 'Polish', 'Urdu', 'Romanian', 'Somali', 'Bengali']
export const ETHNICITIES = ['WBRI', 'WBRI', 'WOTH', 'MWBC', 'APKN', 'BAFR', 'ABAN', 'WROM', 'OOTH', 'NOBT']

export const PRACTITIONER_NAMES = [
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

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!
}

export function nhsNumber(rnd: () => number): string {
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

export function upn(rnd: () => number, laCode: string): string {
  const body = `${laCode}${Array.from({ length: 9 }, () => Math.floor(rnd() * 10)).join('')}`
  return `${upnCheckLetter(`A${body}`)}${body}`
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
