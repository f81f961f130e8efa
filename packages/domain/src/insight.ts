import { addCalendarDays, londonDateOf, startOfLondonDay } from './working-days'
import type { Thresholds } from './sign-off'

/** What a team can ask the insight team about. */
export const CONSULTATION_TOPICS = {
  domestic_abuse: 'Domestic abuse',
  exploitation: 'Exploitation (criminal or sexual)',
  disability: 'Disability',
  mental_health: 'Mental health',
  legal_threshold: 'Legal threshold (pre-proceedings or care proceedings)',
  other: 'Something else',
} as const

export const COACHING_TOPICS = {
  systemic_case_discussion: 'Systemic case discussion',
  reflective_supervision: 'Group reflective supervision',
  practice_skills: 'Practice skills (e.g. direct work with children)',
  team_working: 'How the team works together',
} as const

export const INSIGHT_KINDS = ['consultation', 'coaching'] as const
export type InsightKind = (typeof INSIGHT_KINDS)[number]

export function topicLabel(kind: InsightKind, topic: string): string {
  const table: Record<string, string> = kind === 'consultation' ? CONSULTATION_TOPICS : COACHING_TOPICS
  return table[topic] ?? topic
}

export function isTopicFor(kind: InsightKind, topic: string): boolean {
  return Object.hasOwn(kind === 'consultation' ? CONSULTATION_TOPICS : COACHING_TOPICS, topic)
}

/** Until a council sets its own: a request not taken within 2 working days is waiting too long. */
export const DEFAULT_INSIGHT_WAIT_WORKING_DAYS = 2

/**
 * A commissioned service is spend like any other package: at or above the sign-off threshold it
 * goes to the strategy team, whatever conversation the family is in; below, the team agrees it.
 */
export function commissionRoute(totalPence: number, t: Thresholds): 'team' | 'strategy' {
  return totalPence >= t.signOffPence ? 'strategy' : 'team'
}

/** The needs vocabulary used in the directory (ORUK service_taxonomys, vocabulary "Hearth needs"). */
export const SERVICE_NEEDS = {
  parenting: 'Parenting support',
  domestic_abuse: 'Domestic abuse',
  young_carers: 'Young carers',
  mental_health: 'Mental health',
  substance_use: 'Drugs and alcohol',
  disability: 'Disability and SEND',
  exploitation: 'Exploitation',
  housing: 'Housing',
  money: 'Money and debt',
  early_years: 'Early years',
  youth: 'Youth activities',
  education: 'Education and attendance',
} as const
export type ServiceNeed = keyof typeof SERVICE_NEEDS
export const NEEDS_VOCABULARY = 'Hearth needs'

export const COST_OPTIONS = ['Free', 'Spot purchase', 'Block contract'] as const

/**
 * Weeks for the figures run Monday to Sunday, in England's time. Returns the Mondays (ISO dates)
 * of the `count` weeks ending with the week containing `now`, oldest first.
 */
export function recentWeeks(now: Date, count: number): string[] {
  const today = londonDateOf(now)
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay() // 0 Sunday … 6 Saturday
  const monday = addCalendarDays(today, -((dow + 6) % 7))
  return Array.from({ length: count }, (_, i) => addCalendarDays(monday, -7 * (count - 1 - i)))
}

/** The instant a figures week starts and ends (Monday 00:00 to the next Monday 00:00, London). */
export function weekBounds(monday: string): { from: Date; to: Date } {
  return { from: startOfLondonDay(monday), to: startOfLondonDay(addCalendarDays(monday, 7)) }
}

/** The median of a list (the mean of the middle two when even); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
