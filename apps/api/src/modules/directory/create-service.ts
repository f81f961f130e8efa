import type { Deps } from '../../kernel/context'
import { getService } from './get-service'
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { upsertOrukService } from '@hearth/db/directory'
import { directoryOrganisations, directoryServices } from '@hearth/db/schema/directory'
import { NEEDS_VOCABULARY, SERVICE_NEEDS, type ServiceNeed } from '@hearth/domain/insight'
import { invalid } from '../../kernel/errors'
import type { OrukService } from '@hearth/contracts/open-referral'
import type { NewServiceInput } from './directory-queries'
import type { Caller } from '../../kernel/caller'

/** An insight adviser adds a service by hand; it is written as an ORUK record, like an imported one. */
export async function createService(deps: Deps, caller: Caller, input: NewServiceInput) {
  const { db } = deps
  const unknownNeed = input.needs.find((n) => !Object.hasOwn(SERVICE_NEEDS, n))
  if (unknownNeed) throw invalid('body.needs', `“${unknownNeed}” is not a need Hearth knows`)
  const id = randomUUID()
  const s: OrukService = {
    id,
    name: input.name,
    description: input.description,
    url: input.url ?? null,
    email: input.email ?? null,
    status: 'active',
    fees: null,
    attending_access: null,
    organization: { id: randomUUID(), name: input.organisationName, description: '' },
    service_at_locations: [],
    eligibilitys:
      input.minimumAge != null || input.maximumAge != null
        ? [
            {
              id: randomUUID(),
              eligibility: 'age',
              minimum_age: input.minimumAge ?? null,
              maximum_age: input.maximumAge ?? null,
            },
          ]
        : [],
    cost_options: [
      {
        id: randomUUID(),
        option: input.cost,
        amount: input.amountPence == null ? null : input.amountPence / 100,
        amount_description: input.amountDescription ?? null,
        valid_from: null,
        valid_to: null,
      },
    ],
    service_areas: input.areas.map((a) => ({ id: randomUUID(), service_area: a })),
    service_taxonomys: input.needs.map((n) => ({
      id: randomUUID(),
      taxonomy: { id: n, name: SERVICE_NEEDS[n as ServiceNeed], vocabulary: NEEDS_VOCABULARY },
    })),
    extensions: {
      hearth: {
        how_to_refer: input.howToRefer ?? null,
        waiting_weeks: input.waitingWeeks ?? null,
        capacity_note: input.capacityNote ?? null,
      },
    },
  }
  // the same organisation name is the same organisation
  const [org] = await db
    .select({ orukId: directoryOrganisations.orukId, description: directoryOrganisations.description })
    .from(directoryOrganisations)
    .where(
      and(
        eq(directoryOrganisations.councilId, caller.councilId),
        sql`lower(${directoryOrganisations.name}) = ${input.organisationName.toLowerCase()}`,
      ),
    )
    .limit(1)
  if (org) s.organization = { id: org.orukId, name: input.organisationName, description: org.description }
  const serviceId = await db.transaction(async (tx) => {
    await upsertOrukService(tx, caller.councilId, s)
    const [row] = await tx
      .select({ id: directoryServices.id })
      .from(directoryServices)
      .where(and(eq(directoryServices.councilId, caller.councilId), eq(directoryServices.orukId, id)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'directory.create',
      recordType: 'directory_service',
      recordId: row!.id,
    })
    return row!.id
  })
  return getService(deps, caller, serviceId)
}
