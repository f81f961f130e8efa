import { and, eq, inArray, sql } from 'drizzle-orm'
import type { OrukService } from '@hearth/contracts/open-referral'
import { NEEDS_VOCABULARY } from '@hearth/domain/insight'
import type { Tx } from './client'
import {
  directoryCostOptions,
  directoryEligibility,
  directoryLocations,
  directoryOrganisations,
  directoryServiceLocations,
  directoryServices,
} from './schema'

const CHUNK = 500
function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
/** The last record with each id wins, as when the same organisation appears under many services. */
function lastById<T>(list: T[], id: (x: T) => string): T[] {
  return [...new Map(list.map((x) => [id(x), x])).values()]
}
const excluded = (column: string) => sql.raw(`excluded."${column}"`)

/**
 * Writes ORUK services (with their organisations, locations, eligibility and cost options) in the
 * caller's transaction, a few statements per 500 records rather than several per service. Records
 * are matched on the file's ids; a service's eligibility, cost options and locations are replaced.
 */
export async function upsertOrukServices(
  tx: Tx,
  councilId: string,
  services: OrukService[],
): Promise<{ created: number; updated: number }> {
  if (!services.length) return { created: 0, updated: 0 }
  // organisations
  const orgIds = new Map<string, string>()
  for (const part of chunks(
    lastById(
      services.map((s) => s.organization),
      (o) => o.id,
    ),
  )) {
    const rows = await tx
      .insert(directoryOrganisations)
      .values(
        part.map((o) => ({
          councilId,
          orukId: o.id,
          name: o.name,
          description: o.description,
          email: o.email ?? null,
          url: o.url ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [directoryOrganisations.councilId, directoryOrganisations.orukId],
        set: {
          name: excluded('name'),
          description: excluded('description'),
          email: excluded('email'),
          url: excluded('url'),
        },
      })
      .returning({ id: directoryOrganisations.id, orukId: directoryOrganisations.orukId })
    for (const r of rows) orgIds.set(r.orukId, r.id)
  }
  // locations
  const locationIds = new Map<string, string>()
  const locations = lastById(
    services.flatMap((s) => s.service_at_locations.map((sal) => sal.location)),
    (l) => l.id,
  )
  for (const part of chunks(locations)) {
    const rows = await tx
      .insert(directoryLocations)
      .values(
        part.map((l) => {
          const first = l.physical_addresses[0]
          return {
            councilId,
            orukId: l.id,
            name: l.name,
            description: l.description ?? null,
            address1: first?.address_1 ?? null,
            city: first?.city ?? null,
            postalCode: first?.postal_code ?? null,
            latitude: l.latitude == null ? null : String(l.latitude),
            longitude: l.longitude == null ? null : String(l.longitude),
            addresses: l.physical_addresses.map((a) => ({ ...a })),
          }
        }),
      )
      .onConflictDoUpdate({
        target: [directoryLocations.councilId, directoryLocations.orukId],
        set: {
          name: excluded('name'),
          description: excluded('description'),
          address1: excluded('address_1'),
          city: excluded('city'),
          postalCode: excluded('postal_code'),
          latitude: excluded('latitude'),
          longitude: excluded('longitude'),
          addresses: excluded('addresses'),
        },
      })
      .returning({ id: directoryLocations.id, orukId: directoryLocations.orukId })
    for (const r of rows) locationIds.set(r.orukId, r.id)
  }
  // services
  const list = lastById(services, (s) => s.id)
  const existing = new Set<string>()
  for (const part of chunks(list.map((s) => s.id))) {
    const rows = await tx
      .select({ orukId: directoryServices.orukId })
      .from(directoryServices)
      .where(and(eq(directoryServices.councilId, councilId), inArray(directoryServices.orukId, part)))
    for (const r of rows) existing.add(r.orukId)
  }
  const serviceIds = new Map<string, string>()
  const now = new Date()
  for (const part of chunks(list)) {
    const rows = await tx
      .insert(directoryServices)
      .values(
        part.map((s) => {
          const ext = s.extensions?.hearth
          return {
            councilId,
            orukId: s.id,
            organisationId: orgIds.get(s.organization.id)!,
            name: s.name,
            description: s.description,
            url: s.url ?? null,
            email: s.email ?? null,
            status: s.status,
            fees: s.fees ?? null,
            attendingAccess: s.attending_access ?? null,
            howToRefer: ext?.how_to_refer ?? null,
            waitingWeeks: ext?.waiting_weeks ?? null,
            capacityNote: ext?.capacity_note ?? null,
            taxonomies: s.service_taxonomys.map((t) => ({
              id: t.id,
              taxonomy: { id: t.taxonomy.id, name: t.taxonomy.name, vocabulary: t.taxonomy.vocabulary ?? null },
            })),
            serviceAreas: s.service_areas.map((a) => ({ id: a.id, service_area: a.service_area })),
            needs: s.service_taxonomys
              .filter((t) => t.taxonomy.vocabulary === NEEDS_VOCABULARY)
              .map((t) => t.taxonomy.id),
            areas: s.service_areas.map((a) => a.service_area.toLowerCase()),
            updatedAt: now,
          }
        }),
      )
      .onConflictDoUpdate({
        target: [directoryServices.councilId, directoryServices.orukId],
        set: Object.fromEntries(
          [
            'organisation_id',
            'name',
            'description',
            'url',
            'email',
            'status',
            'fees',
            'attending_access',
            'how_to_refer',
            'waiting_weeks',
            'capacity_note',
            'taxonomies',
            'service_areas',
            'needs',
            'areas',
            'updated_at',
          ].map((c) => [c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase()), excluded(c)]),
        ),
      })
      .returning({ id: directoryServices.id, orukId: directoryServices.orukId })
    for (const r of rows) serviceIds.set(r.orukId, r.id)
  }
  // what hangs off each service is replaced
  const ids = [...serviceIds.values()]
  for (const part of chunks(ids)) {
    await tx
      .delete(directoryEligibility)
      .where(and(eq(directoryEligibility.councilId, councilId), inArray(directoryEligibility.serviceId, part)))
    await tx
      .delete(directoryCostOptions)
      .where(and(eq(directoryCostOptions.councilId, councilId), inArray(directoryCostOptions.serviceId, part)))
    await tx
      .delete(directoryServiceLocations)
      .where(
        and(eq(directoryServiceLocations.councilId, councilId), inArray(directoryServiceLocations.serviceId, part)),
      )
  }
  const eligibility = list.flatMap((s) =>
    s.eligibilitys.map((e) => ({
      councilId,
      serviceId: serviceIds.get(s.id)!,
      orukId: e.id,
      eligibility: e.eligibility,
      minimumAge: e.minimum_age ?? null,
      maximumAge: e.maximum_age ?? null,
    })),
  )
  for (const part of chunks(eligibility)) await tx.insert(directoryEligibility).values(part)
  const costs = list.flatMap((s) =>
    s.cost_options.map((c) => ({
      councilId,
      serviceId: serviceIds.get(s.id)!,
      orukId: c.id,
      option: c.option,
      amountPence: c.amount == null ? null : Math.round(c.amount * 100),
      amountDescription: c.amount_description ?? null,
      validFrom: c.valid_from ?? null,
      validTo: c.valid_to ?? null,
    })),
  )
  for (const part of chunks(costs)) await tx.insert(directoryCostOptions).values(part)
  const links = lastById(
    list.flatMap((s) =>
      s.service_at_locations.map((sal) => ({
        councilId,
        serviceId: serviceIds.get(s.id)!,
        locationId: locationIds.get(sal.location.id)!,
        orukId: sal.id,
      })),
    ),
    (l) => `${l.serviceId}:${l.locationId}`,
  )
  for (const part of chunks(links)) await tx.insert(directoryServiceLocations).values(part)
  const created = list.filter((s) => !existing.has(s.id)).length
  return { created, updated: list.length - created }
}

/** One service (the demo seed, a service added by hand). */
export async function upsertOrukService(tx: Tx, councilId: string, s: OrukService): Promise<'created' | 'updated'> {
  return (await upsertOrukServices(tx, councilId, [s])).created ? 'created' : 'updated'
}
