import type { Deps } from '../../kernel/context'
import { and, desc, eq } from 'drizzle-orm'
import { directoryOrganisations, directoryServices, familyServices, people } from '@hearth/db'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

export async function listFamilyServices(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const rows = await db
    .select({
      f: familyServices,
      service: directoryServices.name,
      org: directoryOrganisations.name,
      by: people.name,
    })
    .from(familyServices)
    .innerJoin(
      directoryServices,
      and(
        eq(directoryServices.id, familyServices.serviceId),
        eq(directoryServices.councilId, familyServices.councilId),
      ),
    )
    .innerJoin(
      directoryOrganisations,
      and(
        eq(directoryOrganisations.id, directoryServices.organisationId),
        eq(directoryOrganisations.councilId, directoryServices.councilId),
      ),
    )
    .innerJoin(people, and(eq(people.id, familyServices.recordedBy), eq(people.councilId, familyServices.councilId)))
    .where(and(eq(familyServices.councilId, caller.councilId), eq(familyServices.familyId, familyId)))
    .orderBy(desc(familyServices.onDate), desc(familyServices.createdAt))
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
