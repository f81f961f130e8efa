import { z } from 'zod'

export const Uuid = z.uuid({ message: 'must be an id (UUID)' })

/**
 * The years Hearth reasons about (working days, ages, the census). A date outside them is a typing
 * mistake, and is refused with a 400 naming the field rather than reaching the clocks.
 */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2100
const yearOf = (s: string) => Number(s.slice(0, 4))
/** True for a date in the years Hearth reasons about; a malformed one is left to the format check. */
export const inYears = (s: string) => !/^\d{4}/.test(s) || (yearOf(s) >= MIN_YEAR && yearOf(s) <= MAX_YEAR)
const yearsMessage = { message: `must be a date between ${MIN_YEAR} and ${MAX_YEAR}` }

/** A date and time with its offset, in the years Hearth reasons about. */
export const DateTime = (message: string) =>
  z.iso.datetime({ offset: true, message }).refine((s) => {
    const y = new Date(s).getUTCFullYear()
    return Number.isNaN(y) || (y >= MIN_YEAR && y <= MAX_YEAR)
  }, yearsMessage)
export const IdParams = z.object({ id: Uuid })

/** One error shape for every failure. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          rule: z.string().optional(),
          limit: z.number().optional(),
          format: z.string().optional(),
          /** The census rules behind a statutory step's problem, for the data team ("8820"). */
          census: z.string().optional(),
          /** Something the form can offer to put it right (a statutory step to record first). */
          offer: z.string().optional(),
        }),
      )
      .optional(),
    requestId: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export const Ok = z.object({ ok: z.literal(true) })

/** Trims, and turns an empty string into "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()

/** A phone number as people write it (digits, spaces, + ( ) -); empty means "not given". */
export const OptionalPhone = z
  .string()
  .trim()
  .max(30, { message: 'must be at most 30 characters' })
  .regex(/^$|^\+?[0-9()\s-]{6,30}$/, { message: 'enter a phone number, like 01632 960 123' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()

export const requiredText = (max: number, what = 'this') =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, { message: `${what} is required` })
    .max(max, { message: `must be at most ${max} characters` })

/** A date given as 2026-03-27, named in its message. */
export const isoDate = (what: string) =>
  z.iso.date({ message: `${what}: give a date like 2026-03-27` }).refine(inYears, {
    message: `${what}: give a date between 1900 and 2100`,
  })
/** An amount in pence, named in its message. */
export const Pence = (what: string) =>
  z
    .number({ message: `${what}: give an amount in pence` })
    .int()
    .min(0)
    .max(100_000_000_00)
/** Why something changed, in a few words. */
export const Reason = z
  .string({ message: 'give the reason' })
  .trim()
  .min(5, { message: 'give the reason in a few words' })
  .max(2000)
