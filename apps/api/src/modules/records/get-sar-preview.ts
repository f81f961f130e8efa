import type { SarPreview } from '@hearth/contracts/records'
import { sarPreview } from '@hearth/records'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { sarRow } from './sar-queries'

/**
 * The copy as the person asking will read it, before it is produced: the same words as the PDF,
 * withheld passages as "[withheld]" and those still to decide as "[not yet decided]". Once the
 * record is gathered it can be read at any point of the review, and after it is sent.
 */
export async function getSarPreview(deps: Deps, caller: Caller, id: string): Promise<SarPreview> {
  const sar = await sarRow(deps.db, caller.councilId, id)
  const notYet = () => new AppError('conflict', 'The record is still being gathered: the copy can be read once it is.')
  if (sar.status === 'gathering') throw notYet()
  try {
    const { outline, undecided } = await sarPreview(deps.db, caller.councilId, sar.id)
    return { sarId: sar.id, undecided, ...outline }
  } catch (e) {
    // a request whose gathering failed has nothing to read yet
    if (e instanceof Error && e.message === 'sar_not_gathered') throw notYet()
    throw e
  }
}
