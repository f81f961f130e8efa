import { and, eq } from 'drizzle-orm'
import type { OrukService } from '@hearth/contracts/open-referral'
import { NEEDS_VOCABULARY } from '@hearth/domain'
import type { Tx } from './client'
import { directoryCostOptions, directoryEligibility, directoryLocations, directoryOrganisations, directoryServiceLocations, directoryServices } from './schema/index'

/** Writes one ORUK service (and its organisation and locations) in the caller's transaction. */
export async function upsertOrukService(tx: Tx, councilId: string, s: OrukService): Promise<'created' | 'updated'> {
  const [org] = await tx
    .insert(directoryOrganisations)
    .values({ councilId, orukId: s.organization.id, name: s.organization.name, description: s.organization.description, email: s.organization.email ?? null, url: s.organization.url ?? null })
    .onConflictDoUpdate({ target: [directoryOrganisations.councilId, directoryOrganisations.orukId], set: { name: s.organization.name, description: s.organization.description, email: s.organization.email ?? null, url: s.organization.url ?? null } })
    .returning({ id: directoryOrganisations.id })
  const ext = s.extensions?.hearth
  const values = {
    organisationId: org!.id,
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
    taxonomies: s.service_taxonomys.map((t) => ({ id: t.id, taxonomy: { id: t.taxonomy.id, name: t.taxonomy.name, vocabulary: t.taxonomy.vocabulary ?? null } })),
    serviceAreas: s.service_areas.map((a) => ({ id: a.id, service_area: a.service_area })),
    needs: s.service_taxonomys.filter((t) => t.taxonomy.vocabulary === NEEDS_VOCABULARY).map((t) => t.taxonomy.id),
    areas: s.service_areas.map((a) => a.service_area.toLowerCase()),
    updatedAt: new Date(),
  }
  const [existing] = await tx.select({ id: directoryServices.id }).from(directoryServices).where(and(eq(directoryServices.councilId, councilId), eq(directoryServices.orukId, s.id)))
  let serviceId: string
  if (existing) {
    serviceId = existing.id
    await tx.update(directoryServices).set(values).where(eq(directoryServices.id, serviceId))
    await tx.delete(directoryEligibility).where(eq(directoryEligibility.serviceId, serviceId))
    await tx.delete(directoryCostOptions).where(eq(directoryCostOptions.serviceId, serviceId))
    await tx.delete(directoryServiceLocations).where(eq(directoryServiceLocations.serviceId, serviceId))
  } else {
    const [row] = await tx.insert(directoryServices).values({ councilId, orukId: s.id, ...values }).returning({ id: directoryServices.id })
    serviceId = row!.id
  }
  if (s.eligibilitys.length) await tx.insert(directoryEligibility).values(s.eligibilitys.map((e) => ({ councilId, serviceId, orukId: e.id, eligibility: e.eligibility, minimumAge: e.minimum_age ?? null, maximumAge: e.maximum_age ?? null })))
  if (s.cost_options.length) {
    await tx.insert(directoryCostOptions).values(s.cost_options.map((c) => ({ councilId, serviceId, orukId: c.id, option: c.option, amountPence: c.amount == null ? null : Math.round(c.amount * 100), amountDescription: c.amount_description ?? null, validFrom: c.valid_from ?? null, validTo: c.valid_to ?? null })))
  }
  for (const sal of s.service_at_locations) {
    const l = sal.location
    const [first, ...rest] = l.physical_addresses
    const loc = { name: l.name, description: l.description ?? null, address1: first?.address_1 ?? null, city: first?.city ?? null, postalCode: first?.postal_code ?? null, latitude: l.latitude == null ? null : String(l.latitude), longitude: l.longitude == null ? null : String(l.longitude), addresses: [first ? { ...first } : null, ...rest].filter(Boolean) as Record<string, unknown>[] }
    const [row] = await tx.insert(directoryLocations).values({ councilId, orukId: l.id, ...loc }).onConflictDoUpdate({ target: [directoryLocations.councilId, directoryLocations.orukId], set: loc }).returning({ id: directoryLocations.id })
    await tx.insert(directoryServiceLocations).values({ councilId, serviceId, locationId: row!.id, orukId: sal.id }).onConflictDoNothing()
  }
  return existing ? 'updated' : 'created'
}

