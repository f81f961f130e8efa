import { and, count, eq, sql } from 'drizzle-orm'
import { recordExports, sarRedactions } from '@hearth/db/schema/records'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

import { gatherInTx, setStatus, transition } from './sar-queries'

/** Every passage decided: the worker produces the redacted copy. */
export function produceSar(deps: Deps, caller: Caller, id: string) {
  return transition(deps, caller, id, 'sar.produce', async (tx, sar) => {
    if (sar.status !== 'reviewing') throw new AppError('conflict', 'This request is not being reviewed.')
    const [open] = await tx
      .select({ n: count() })
      .from(sarRedactions)
      .where(
        and(
          eq(sarRedactions.councilId, caller.councilId),
          eq(sarRedactions.sarId, id),
          sql`${sarRedactions.decision} is null`,
        ),
      )
    if (open!.n > 0) throw new AppError('conflict', `Decide every marked passage first: ${open!.n} still to decide.`)
    await setStatus(tx, caller, id, { status: 'producing' })
    await gatherInTx(tx, caller, sar, 'sar_response')
  })
}

/** After a failure: the worker tries again from where the request stood. */
export function retrySar(deps: Deps, caller: Caller, id: string) {
  return transition(deps, caller, id, 'sar.retry', async (tx, sar) => {
    if (sar.status !== 'failed') throw new AppError('conflict', 'This request has not failed.')
    const [gathered] = await tx
      .select({ id: recordExports.id })
      .from(recordExports)
      .where(
        and(
          eq(recordExports.councilId, caller.councilId),
          eq(recordExports.sarId, id),
          eq(recordExports.purpose, 'sar_gather'),
          eq(recordExports.status, 'done'),
        ),
      )
      .limit(1)
    await setStatus(tx, caller, id, { status: gathered ? 'producing' : 'gathering' })
    await gatherInTx(tx, caller, sar, gathered ? 'sar_response' : 'sar_gather')
  })
}
