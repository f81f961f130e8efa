import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, Ok } from '@hearth/contracts/common'
import { BankHoliday, BankHolidayInput } from '@hearth/contracts/referrals'
import { isIsoDate } from '@hearth/domain/dates'
import { addBankHoliday, removeBankHoliday } from './change-bank-holidays'
import { listBankHolidays } from './list-bank-holidays'
import { noCaseContent } from '../../kernel/reads'
import { callerOf } from '../../kernel/caller'

const ADMIN = ['administrator'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** The working-day calendar: England & Wales bank holidays, and days an administrator adds. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  app.get(
    '/bank-holidays',
    {
      config: { access: 'signed_in', reads: noCaseContent('the council’s calendar') },
      schema: {
        tags: ['calendar'],
        summary: 'Days that are not working days, besides weekends',
        response: { 200: z.array(BankHoliday), ...errors },
      },
    },
    async (request) => listBankHolidays(deps, callerOf(request)),
  )

  app.post(
    '/bank-holidays',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['calendar'],
        summary: 'Add a one-off bank holiday; open clocks are worked out again',
        body: BankHolidayInput,
        response: { 201: BankHoliday, ...errors },
      },
    },
    async (request, reply) => {
      const made = await addBankHoliday(deps, callerOf(request), request.body)
      reply.code(201)
      return made
    },
  )

  app.delete(
    '/bank-holidays/:date',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['calendar'],
        summary: 'Remove a bank holiday the council added',
        params: z.object({ date: z.string().refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' }) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => removeBankHoliday(deps, callerOf(request), request.params.date),
  )
}
export default routes
