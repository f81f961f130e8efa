import { and, asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { bankHolidays, writeAudit } from '@hearth/db'
import { BankHoliday, BankHolidayInput, ErrorBody, Ok } from '@hearth/contracts'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, isIsoDate } from '@hearth/domain'
import { AppError, notFound } from '../../kernel/errors'
import { forgetClockSettings, refreshCouncilClocks } from '../case-process/clock-queries'
import { recomputeReferralClocks } from './calendar-queries'
import { noCaseContent } from '../../kernel/reads'
import { callerOf } from '../../kernel/caller'

const ADMIN = ['administrator'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** The working-day calendar: England & Wales bank holidays, and days an administrator adds. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps
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
    async (request) => {
      const own = await db
        .select()
        .from(bankHolidays)
        .where(eq(bankHolidays.councilId, callerOf(request).councilId))
        .orderBy(asc(bankHolidays.date))
      return [
        ...ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => ({ ...h, source: 'england_and_wales' as const })),
        ...own.map((h) => ({ date: h.date, name: h.name, source: 'council' as const })),
      ].sort((a, b) => a.date.localeCompare(b.date))
    },
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
      const caller = callerOf(request)
      if (ENGLAND_AND_WALES_BANK_HOLIDAYS.some((h) => h.date === request.body.date))
        throw new AppError('conflict', 'That day is already a bank holiday.')
      await db.transaction(async (tx) => {
        await tx
          .insert(bankHolidays)
          .values({ councilId: caller.councilId, date: request.body.date, name: request.body.name })
        const n = await recomputeReferralClocks(tx, caller.councilId)
        const clocks = await refreshCouncilClocks(tx, caller.councilId)
        forgetClockSettings(caller.councilId)
        await writeAudit(tx, {
          ...caller.audit,
          action: 'bank_holiday.create',
          recordType: 'bank_holiday',
          recordId: request.body.date,
          details: { referralClocksRecomputed: n, caseClocksRecomputed: clocks },
        })
      })
      reply.code(201)
      return { date: request.body.date, name: request.body.name, source: 'council' as const }
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
    async (request) => {
      const caller = callerOf(request)
      await db.transaction(async (tx) => {
        const removed = await tx
          .delete(bankHolidays)
          .where(and(eq(bankHolidays.councilId, caller.councilId), eq(bankHolidays.date, request.params.date)))
          .returning()
        if (!removed.length) throw notFound('bank holiday added by this council')
        await recomputeReferralClocks(tx, caller.councilId)
        await refreshCouncilClocks(tx, caller.councilId)
        forgetClockSettings(caller.councilId)
        await writeAudit(tx, {
          ...caller.audit,
          action: 'bank_holiday.delete',
          recordType: 'bank_holiday',
          recordId: request.params.date,
        })
      })
      return { ok: true as const }
    },
  )
}
export default routes
