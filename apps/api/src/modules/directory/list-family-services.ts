import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { familyServiceRows } from './directory-queries'
import type { Caller } from '../../kernel/caller'

export async function listFamilyServices(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const rows = await familyServiceRows(db, caller.councilId, familyId)
  return rows.map(({ f, service, org, by }) => ({
    id: f.id,
    serviceId: f.serviceId,
    serviceName: service,
    organisationName: org,
    status: f.status,
    onDate: f.onDate,
    note: f.note,
    recordedByName: by,
    createdAt: f.createdAt.toISOString(),
  }))
}
