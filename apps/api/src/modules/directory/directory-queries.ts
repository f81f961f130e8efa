import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import {
  directoryCostOptions,
  directoryEligibility,
  directoryLocations,
  directoryOrganisations,
  directoryServiceLocations,
  directoryServices,
  familyServices,
  type DirectoryService,
} from '@hearth/db/schema/directory'
import { people } from '@hearth/db/schema/organisation'
import { together } from '@hearth/db/together'
import type { OrukService } from '@hearth/contracts/open-referral'

export interface ServiceQuery {
  q?: string
  need?: string
  age?: number
  patchId?: string
  cost?: 'Free' | 'Spot purchase' | 'Block contract'
  limit?: number
  offset?: number
}

export interface NewServiceInput {
  name: string
  description: string
  organisationName: string
  url?: string | null
  email?: string | null
  howToRefer?: string | null
  needs: string[]
  areas: string[]
  minimumAge?: number | null
  maximumAge?: number | null
  cost: 'Free' | 'Spot purchase' | 'Block contract'
  amountPence?: number | null
  amountDescription?: string | null
  waitingWeeks?: number | null
  capacityNote?: string | null
}

export async function views(db: Db, councilId: string, rows: DirectoryService[]) {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [orgs, elig, costs, locs] = await together(
    db,
    () =>
      db
        .select({ id: directoryOrganisations.id, name: directoryOrganisations.name })
        .from(directoryOrganisations)
        .where(
          and(
            eq(directoryOrganisations.councilId, councilId),
            inArray(directoryOrganisations.id, [...new Set(rows.map((r) => r.organisationId))]),
          ),
        ),
    () =>
      db
        .select()
        .from(directoryEligibility)
        .where(and(eq(directoryEligibility.councilId, councilId), inArray(directoryEligibility.serviceId, ids)))
        .orderBy(asc(directoryEligibility.orukId)),
    () =>
      db
        .select()
        .from(directoryCostOptions)
        .where(and(eq(directoryCostOptions.councilId, councilId), inArray(directoryCostOptions.serviceId, ids)))
        .orderBy(asc(directoryCostOptions.orukId)),
    () =>
      db
        .select({ serviceId: directoryServiceLocations.serviceId, l: directoryLocations })
        .from(directoryServiceLocations)
        .innerJoin(
          directoryLocations,
          and(
            eq(directoryLocations.id, directoryServiceLocations.locationId),
            eq(directoryLocations.councilId, directoryServiceLocations.councilId),
          ),
        )
        .where(
          and(eq(directoryServiceLocations.councilId, councilId), inArray(directoryServiceLocations.serviceId, ids)),
        )
        .orderBy(asc(directoryServiceLocations.orukId)),
  )
  return rows.map((r) => ({
    id: r.id,
    orukId: r.orukId,
    name: r.name,
    description: r.description,
    organisation: { id: r.organisationId, name: orgs.find((o) => o.id === r.organisationId)?.name ?? '' },
    url: r.url,
    email: r.email,
    status: r.status,
    howToRefer: r.howToRefer,
    attendingAccess: r.attendingAccess,
    fees: r.fees,
    needs: r.needs,
    areas: r.serviceAreas.map((a) => a.service_area),
    waitingWeeks: r.waitingWeeks,
    capacityNote: r.capacityNote,
    eligibility: elig
      .filter((e) => e.serviceId === r.id)
      .map((e) => ({ eligibility: e.eligibility, minimumAge: e.minimumAge, maximumAge: e.maximumAge })),
    costOptions: costs
      .filter((c) => c.serviceId === r.id)
      .map((c) => ({ option: c.option, amountPence: c.amountPence, amountDescription: c.amountDescription })),
    locations: locs
      .filter((l) => l.serviceId === r.id)
      .map(({ l }) => ({ name: l.name, address1: l.address1, city: l.city, postalCode: l.postalCode })),
  }))
}

/** The directory as ORUK services, in name order. */
export async function toOruk(db: Db, councilId: string, only?: string[]): Promise<OrukService[]> {
  const conds = [eq(directoryServices.councilId, councilId)]
  if (only) conds.push(inArray(directoryServices.id, only))
  const rows = await db
    .select({ s: directoryServices, o: directoryOrganisations })
    .from(directoryServices)
    .innerJoin(
      directoryOrganisations,
      and(
        eq(directoryOrganisations.id, directoryServices.organisationId),
        eq(directoryOrganisations.councilId, directoryServices.councilId),
      ),
    )
    .where(and(...conds))
    .orderBy(asc(directoryServices.name), asc(directoryServices.orukId))
  if (!rows.length) return []
  const ids = rows.map((r) => r.s.id)
  const [elig, costs, locs] = await together(
    db,
    () =>
      db
        .select()
        .from(directoryEligibility)
        .where(and(eq(directoryEligibility.councilId, councilId), inArray(directoryEligibility.serviceId, ids)))
        .orderBy(asc(directoryEligibility.orukId)),
    () =>
      db
        .select()
        .from(directoryCostOptions)
        .where(and(eq(directoryCostOptions.councilId, councilId), inArray(directoryCostOptions.serviceId, ids)))
        .orderBy(asc(directoryCostOptions.orukId)),
    () =>
      db
        .select({ sl: directoryServiceLocations, l: directoryLocations })
        .from(directoryServiceLocations)
        .innerJoin(
          directoryLocations,
          and(
            eq(directoryLocations.id, directoryServiceLocations.locationId),
            eq(directoryLocations.councilId, directoryServiceLocations.councilId),
          ),
        )
        .where(
          and(eq(directoryServiceLocations.councilId, councilId), inArray(directoryServiceLocations.serviceId, ids)),
        )
        .orderBy(asc(directoryServiceLocations.orukId)),
  )
  const clean = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T
  return rows.map(({ s, o }) => {
    const ext = clean({ how_to_refer: s.howToRefer, waiting_weeks: s.waitingWeeks, capacity_note: s.capacityNote })
    return clean({
      id: s.orukId,
      name: s.name,
      description: s.description,
      url: s.url,
      email: s.email,
      status: s.status,
      fees: s.fees,
      attending_access: s.attendingAccess,
      organization: clean({ id: o.orukId, name: o.name, description: o.description, email: o.email, url: o.url }),
      service_at_locations: locs
        .filter((x) => x.sl.serviceId === s.id)
        .map(({ sl, l }) => ({
          id: sl.orukId,
          location: clean({
            id: l.orukId,
            name: l.name,
            description: l.description,
            latitude: l.latitude == null ? null : Number(l.latitude),
            longitude: l.longitude == null ? null : Number(l.longitude),
            physical_addresses:
              l.addresses as OrukService['service_at_locations'][number]['location']['physical_addresses'],
          }),
        })),
      eligibilitys: elig
        .filter((e) => e.serviceId === s.id)
        .map((e) =>
          clean({ id: e.orukId, eligibility: e.eligibility, minimum_age: e.minimumAge, maximum_age: e.maximumAge }),
        ),
      cost_options: costs
        .filter((c) => c.serviceId === s.id)
        .map((c) =>
          clean({
            id: c.orukId,
            option: c.option as 'Free',
            amount: c.amountPence == null ? null : c.amountPence / 100,
            amount_description: c.amountDescription,
            valid_from: c.validFrom,
            valid_to: c.validTo,
          }),
        ),
      service_areas: s.serviceAreas,
      service_taxonomys: s.taxonomies.map((t) => ({
        id: t.id,
        taxonomy: clean({ id: t.taxonomy.id, name: t.taxonomy.name, vocabulary: t.taxonomy.vocabulary }),
      })),
      ...(Object.keys(ext).length ? { extensions: { hearth: ext } } : {}),
    }) as OrukService
  })
}

/** Services by id as people name them: "Young carers' group (Moor Lane Trust)". */
export async function serviceLabels(ex: Db | Tx, councilId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await ex
    .select({ id: directoryServices.id, name: directoryServices.name, org: directoryOrganisations.name })
    .from(directoryServices)
    .innerJoin(
      directoryOrganisations,
      and(
        eq(directoryOrganisations.id, directoryServices.organisationId),
        eq(directoryOrganisations.councilId, directoryServices.councilId),
      ),
    )
    .where(and(eq(directoryServices.councilId, councilId), inArray(directoryServices.id, ids)))
  return new Map(rows.map((r) => [r.id, `${r.name} (${r.org})`]))
}

/** The services a family was referred to, attended or finished with, newest first, with names. */
export function familyServiceRows(ex: Db | Tx, councilId: string, familyId: string) {
  return ex
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
    .where(and(eq(familyServices.councilId, councilId), eq(familyServices.familyId, familyId)))
    .orderBy(desc(familyServices.onDate), desc(familyServices.createdAt))
}
