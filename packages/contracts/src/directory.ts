import { isoDate, Pence } from './common'
import { z } from 'zod'
import { COST_OPTIONS } from '@hearth/domain/insight'
import { optionalText, requiredText, Uuid } from './common'

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
