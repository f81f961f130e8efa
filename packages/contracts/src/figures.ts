import { z } from 'zod'
import { Uuid } from './common'

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
