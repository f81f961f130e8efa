import { z } from 'zod'
import { COST_OPTIONS, INSIGHT_KINDS } from '@hearth/domain'
import { DateTime, inYears, optionalText, requiredText, Uuid } from './common'

const isoDate = (what: string) =>
  z.iso.date({ message: `${what}: give a date like 2026-03-27` }).refine(inYears, {
    message: `${what}: give a date between 1900 and 2100`,
  })
const Pence = (what: string) =>
  z
    .number({ message: `${what}: give an amount in pence` })
    .int()
    .min(0)
    .max(100_000_000_00)

// -------------------------------------------------------------------- consultation and coaching
export const InsightRequestInput = z.object({
  kind: z.enum(INSIGHT_KINDS, { message: 'a consultation or coaching' }),
  topic: z.string({ message: 'choose what it is about' }).trim().min(1, { message: 'choose what it is about' }).max(60),
  /** About a family; leave out when the team asks for itself. */
  familyId: Uuid.nullable().optional(),
  /** The asking team, when there is no family (a team asks for coaching). */
  teamId: Uuid.nullable().optional(),
  question: requiredText(5000, 'what you would like help with'),
})
export const BookSessionInput = z.object({
  sessionAt: DateTime('give a date and time, e.g. 2026-03-27T10:00:00Z'),
  sessionMinutes: z
    .number({ message: 'give the length in minutes' })
    .int()
    .min(15, { message: 'at least 15 minutes' })
    .max(480),
  attendees: requiredText(1000, 'who attends'),
})
export const AdviceInput = z.object({
  advice: z
    .string({ message: 'write the advice' })
    .trim()
    .min(20, { message: 'write the advice in a few sentences (20 characters at least)' })
    .max(20000),
})
export const InsightRequestView = z.object({
  id: Uuid,
  kind: z.enum(INSIGHT_KINDS),
  topic: z.string(),
  topicLabel: z.string(),
  teamId: Uuid,
  teamName: z.string(),
  familyId: Uuid.nullable(),
  familyName: z.string().nullable(),
  question: z.string(),
  askedByName: z.string(),
  askedAt: z.string(),
  status: z.enum(['waiting', 'taken', 'booked', 'advice_given', 'withdrawn']),
  takenById: Uuid.nullable(),
  takenByName: z.string().nullable(),
  takenAt: z.string().nullable(),
  sessionAt: z.string().nullable(),
  sessionMinutes: z.number().int().nullable(),
  attendees: z.string().nullable(),
  advice: z.string().nullable(),
  adviceAt: z.string().nullable(),
  waitDueAt: z.string(),
  waitingTooLong: z.boolean(),
})
export const InsightQueueQuery = z.object({
  view: z.enum(['waiting', 'mine', 'done', 'team']).default('waiting'),
  teamId: Uuid.optional(),
})
export const InsightSettingsView = z.object({ waitWorkingDays: z.number().int(), councilOwn: z.boolean() })
export const InsightSettingsInput = z.object({
  waitWorkingDays: z
    .number({ message: 'give a number of working days' })
    .int()
    .min(1, { message: 'at least one working day' })
    .max(30),
})

// -------------------------------------------------------------------- chronology
export const ChronologyEntry = z.object({
  at: z.string(),
  kind: z.enum([
    'referral',
    'allocation',
    'visit',
    'proposal',
    'decision',
    'consultation',
    'coaching',
    'service',
    'commission',
    'team_decision',
    'note',
    'plan',
    'network',
    'assessment',
    'statutory',
    'family',
    'sharing',
  ]),
  title: z.string(),
  detail: z.string().nullable(),
  byName: z.string().nullable(),
  link: z.string().nullable(),
  /** The children the entry is about (a note's children); empty for the whole family. */
  childIds: z.array(Uuid).default([]),
})

// -------------------------------------------------------------------- service directory
export const ServiceView = z.object({
  id: Uuid,
  orukId: z.string(),
  name: z.string(),
  description: z.string(),
  organisation: z.object({ id: Uuid, name: z.string() }),
  url: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  howToRefer: z.string().nullable(),
  attendingAccess: z.string().nullable(),
  fees: z.string().nullable(),
  needs: z.array(z.string()),
  areas: z.array(z.string()),
  waitingWeeks: z.number().int().nullable(),
  capacityNote: z.string().nullable(),
  eligibility: z.array(
    z.object({
      eligibility: z.string(),
      minimumAge: z.number().int().nullable(),
      maximumAge: z.number().int().nullable(),
    }),
  ),
  costOptions: z.array(
    z.object({
      option: z.string(),
      amountPence: z.number().int().nullable(),
      amountDescription: z.string().nullable(),
    }),
  ),
  locations: z.array(
    z.object({
      name: z.string(),
      address1: z.string().nullable(),
      city: z.string().nullable(),
      postalCode: z.string().nullable(),
    }),
  ),
})
export type ServiceView = z.infer<typeof ServiceView>
export const ServiceQuery = z.object({
  q: z.string().trim().max(200).optional(),
  need: z.string().trim().max(60).optional(),
  age: z.coerce.number({ message: 'give an age in years' }).int().min(0).max(25).optional(),
  patchId: Uuid.optional(),
  cost: z.enum(COST_OPTIONS, { message: 'Free, Spot purchase or Block contract' }).optional(),
  limit: z.coerce.number({ message: 'give a number' }).int().min(1).max(100).default(20),
  offset: z.coerce.number({ message: 'give a number' }).int().min(0).max(100_000).default(0),
})
export const ServiceSearchResult = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  services: z.array(ServiceView),
})
export const DirectoryImportInput = z.object({
  fileName: z.string().trim().max(200).optional(),
  /** The file's text: an Open Referral UK services document (JSON). */
  content: z
    .string({ message: 'choose a file' })
    .min(2, { message: 'the file is empty' })
    .max(20_000_000, { message: 'the file is too large (20 MB at most)' }),
})
export const DirectoryImportResult = z.object({
  organisations: z.number().int(),
  services: z.number().int(),
  locations: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
})
export const NewServiceInput = z
  .object({
    name: requiredText(300, 'the service’s name'),
    description: requiredText(5000, 'what the service does'),
    organisationName: requiredText(300, 'who runs it'),
    url: z.url({ message: 'must be a web address starting https://' }).max(1000).nullable().optional(),
    email: z.email({ message: 'must be an email address' }).max(300).nullable().optional(),
    howToRefer: optionalText(2000),
    needs: z.array(z.string().max(60)).max(12).default([]),
    areas: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
    minimumAge: z.number({ message: 'give an age in years' }).int().min(0).max(120).nullable().optional(),
    maximumAge: z.number({ message: 'give an age in years' }).int().min(0).max(120).nullable().optional(),
    cost: z.enum(COST_OPTIONS, { message: 'Free, Spot purchase or Block contract' }),
    amountPence: Pence('the price').nullable().optional(),
    amountDescription: optionalText(300),
    waitingWeeks: z.number({ message: 'give a number of weeks' }).int().min(0).max(520).nullable().optional(),
    capacityNote: optionalText(1000),
  })
  .refine((v) => v.minimumAge == null || v.maximumAge == null || v.minimumAge <= v.maximumAge, {
    message: 'the youngest age must not be above the oldest',
    path: ['maximumAge'],
  })
export const FamilyServiceInput = z.object({
  serviceId: Uuid,
  status: z.enum(['referred', 'attending', 'finished'], { message: 'referred, attending or finished' }),
  onDate: isoDate('the date'),
  note: optionalText(2000),
})
export const FamilyServiceView = z.object({
  id: Uuid,
  serviceId: Uuid,
  serviceName: z.string(),
  organisationName: z.string(),
  status: z.string(),
  onDate: z.string(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
})

// -------------------------------------------------------------------- commissioning
export const CommissionInput = z.object({
  need: requiredText(2000, 'what is needed'),
  why: requiredText(5000, 'why the family needs it, and why no listed service fits'),
  familyView: requiredText(5000, 'what the family thinks, in their words'),
  weeks: z.number({ message: 'give the number of weeks' }).int().min(1, { message: 'at least one week' }).max(260),
  budgetPence: Pence('the budget').refine((n) => n > 0, { message: 'give a budget' }),
})
export const CommissionRecordInput = z
  .object({
    providerName: requiredText(300, 'the provider'),
    serviceId: Uuid.nullable().optional(),
    weeklyPence: Pence('cost per week').refine((n) => n > 0, {
      message: 'the cost per week must be more than nothing',
    }),
    startDate: isoDate('the start date'),
    endDate: isoDate('the end date'),
  })
  .refine((v) => v.endDate >= v.startDate, {
    message: 'the end date must be on or after the start date',
    path: ['endDate'],
  })
export const CommissionView = z.object({
  id: Uuid,
  teamId: Uuid,
  teamName: z.string(),
  familyId: Uuid,
  familyName: z.string(),
  askedByName: z.string(),
  askedAt: z.string(),
  need: z.string(),
  why: z.string(),
  familyView: z.string(),
  weeks: z.number().int(),
  budgetPence: z.number().int(),
  status: z.enum(['waiting', 'taken', 'commissioned', 'withdrawn']),
  takenById: Uuid.nullable(),
  takenByName: z.string().nullable(),
  providerName: z.string().nullable(),
  serviceId: Uuid.nullable(),
  weeklyPence: z.number().int().nullable(),
  totalPence: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  proposalId: Uuid.nullable(),
  proposalStatus: z.string().nullable(),
  route: z.enum(['team', 'strategy']).nullable(),
  overBudget: z.boolean(),
  waitingTooLong: z.boolean(),
})
export const CommissionQuery = z.object({ view: z.enum(['waiting', 'mine', 'done', 'team']).default('waiting') })

// -------------------------------------------------------------------- team figures over time
/** Null: fewer than 5, not shown for a team of fewer than 3 practitioners (small-number suppression). */
const Count = z.number().int().nullable()
export const TeamWeek = z.object({
  weekStart: z.string(),
  childrenHeld: Count,
  familiesHeld: Count,
  capacityChildren: z.number().int(),
  familiesWaiting: Count,
  longestWaitHours: Count,
  referralsDecided: Count,
  referralsDecidedInOneWorkingDay: Count,
  adminTasksCreated: Count,
  adminTasksDone: Count,
  medianAdminHoursToComplete: z.number().nullable(),
  consultationsAsked: Count,
  medianConsultationWaitHours: z.number().nullable(),
  /**
   * The share (0–1) of the team's working week with families, from its practitioners' notes; null
   * when nobody worked that week, or in a team of fewer than 3 practitioners (not shown).
   */
  contactShare: z.number().nullable(),
  /**
   * Time that respects families: booked visits and meetings recorded that week, and of them those
   * kept on time, rearranged with under 24 hours' notice, and missed (by us or the family).
   */
  appointments: Count,
  appointmentsOnTime: Count,
  appointmentsShortNotice: Count,
  appointmentsMissed: Count,
  /** Families who said through their link how things are going that week. */
  familyFeedback: Count,
  /** Their average, 1 (very bad) to 5 (very good); null when fewer than 3 said. */
  familyFeedbackAverage: z.number().nullable(),
})
export const TeamSeries = z.object({
  teamId: Uuid,
  teamName: z.string(),
  practitioners: z.number().int(),
  /** Fewer than 3 practitioners: counts from 1 to 4 are not shown (null). */
  smallNumbersHidden: z.boolean(),
  weeks: z.array(TeamWeek),
})
export const FrontDoorWeek = z.object({
  weekStart: z.string(),
  received: z.number().int(),
  decided: z.number().int(),
  decidedInOneWorkingDay: z.number().int(),
})
export const FiguresOverTime = z.object({
  generatedAt: z.string(),
  /** Every team's booked appointments together, week by week (empty when one team is asked for). */
  appointments: z.array(
    z.object({
      weekStart: z.string(),
      appointments: z.number().int(),
      onTime: z.number().int(),
      shortNotice: z.number().int(),
      missed: z.number().int(),
    }),
  ),
  /** How families said things are going, every team together (average null under 3 answers). */
  feedback: z.array(z.object({ weekStart: z.string(), said: z.number().int(), average: z.number().nullable() })),
  weeks: z.array(z.string()),
  teams: z.array(TeamSeries),
  frontDoor: z.array(FrontDoorWeek),
  /** Direct-contact time: the Blueprint's figures (before, target) and the council's, week by week. */
  contactTime: z.object({
    before: z.number(),
    target: z.number(),
    practitioners: z.number().int(),
    council: z.array(z.object({ weekStart: z.string(), contactShare: z.number().nullable() })),
  }),
})
export const FiguresQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(12),
  teamId: Uuid.optional(),
})
