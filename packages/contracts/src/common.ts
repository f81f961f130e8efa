import { z } from 'zod'

export const Uuid = z.uuid({ message: 'must be an id (UUID)' })
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

export const requiredText = (max: number, what = 'this') =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, { message: `${what} is required` })
    .max(max, { message: `must be at most ${max} characters` })
