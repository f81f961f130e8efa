import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { upsertOrukServices } from '@hearth/db/directory'
import { AppError } from '../../kernel/errors'
import { OrukFileError, parseOrukFile, type OrukService } from '@hearth/contracts/open-referral'
import type { Caller } from '../../kernel/caller'

/** All or nothing: a file with any problem is refused with every problem's line and field, and nothing is written. */
export async function importServices(deps: Deps, caller: Caller, content: string, fileName?: string) {
  const { db } = deps
  let services: OrukService[]
  try {
    services = parseOrukFile(content)
  } catch (e) {
    if (e instanceof OrukFileError) {
      throw new AppError(
        'validation_failed',
        `The file was not imported: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}. Nothing was changed.`,
        e.problems.map((p) => ({ field: p.field, message: `line ${p.line}, column ${p.column}: ${p.message}` })),
      )
    }
    throw e
  }
  const result = await db.transaction(async (tx) => {
    const { created, updated } = await upsertOrukServices(tx, caller.councilId, services)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'directory.import',
      recordType: 'directory',
      details: { fileName: fileName ?? null, services: services.length, created, updated },
    })
    return { created, updated }
  })
  return {
    organisations: new Set(services.map((s) => s.organization.id)).size,
    services: services.length,
    locations: new Set(services.flatMap((s) => s.service_at_locations.map((l) => l.location.id))).size,
    ...result,
  }
}
