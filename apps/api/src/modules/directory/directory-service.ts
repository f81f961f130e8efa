import type { Ctx } from '../../kernel/context'
import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import {
  directoryCostOptions,
  directoryEligibility,
  directoryLocations,
  directoryOrganisations,
  directoryServiceLocations,
  directoryServices,
  familyServices,
  patches,
  people,
  writeAudit,
  upsertOrukService,
  upsertOrukServices,
  type Db,
  type DirectoryService,
} from '@hearth/db'
import { NEEDS_VOCABULARY, SERVICE_NEEDS, type ServiceNeed } from '@hearth/domain'
import { AppError, invalid, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyService, holdingTeamId } from '../families/families-service'
import { orukPage, OrukFileError, parseOrukFile, type OrukService } from '@hearth/contracts/open-referral'

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

/** The service directory: search, Open Referral UK import and export, and services on a family's plan. */
export function directoryService(db: Db) {
  const fam = familyService(db)

  async function views(councilId: string, rows: DirectoryService[]) {
    if (!rows.length) return []
    const ids = rows.map((r) => r.id)
    const [orgs, elig, costs, locs] = await Promise.all([
      db
        .select({ id: directoryOrganisations.id, name: directoryOrganisations.name })
        .from(directoryOrganisations)
        .where(
          and(
            eq(directoryOrganisations.councilId, councilId),
            inArray(directoryOrganisations.id, [...new Set(rows.map((r) => r.organisationId))]),
          ),
        ),
      db
        .select()
        .from(directoryEligibility)
        .where(and(eq(directoryEligibility.councilId, councilId), inArray(directoryEligibility.serviceId, ids)))
        .orderBy(asc(directoryEligibility.orukId)),
      db
        .select()
        .from(directoryCostOptions)
        .where(and(eq(directoryCostOptions.councilId, councilId), inArray(directoryCostOptions.serviceId, ids)))
        .orderBy(asc(directoryCostOptions.orukId)),
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
    ])
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
  async function toOruk(councilId: string, only?: string[]): Promise<OrukService[]> {
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
    const [elig, costs, locs] = await Promise.all([
      db
        .select()
        .from(directoryEligibility)
        .where(and(eq(directoryEligibility.councilId, councilId), inArray(directoryEligibility.serviceId, ids)))
        .orderBy(asc(directoryEligibility.orukId)),
      db
        .select()
        .from(directoryCostOptions)
        .where(and(eq(directoryCostOptions.councilId, councilId), inArray(directoryCostOptions.serviceId, ids)))
        .orderBy(asc(directoryCostOptions.orukId)),
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
    ])
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

  return {
    async search(councilId: string, q: ServiceQuery) {
      const conds: (SQL | undefined)[] = [
        eq(directoryServices.councilId, councilId),
        inArray(directoryServices.status, ['active', 'temporarily closed']),
      ]
      if (q.q) {
        const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        conds.push(
          or(
            ilike(directoryServices.name, like),
            ilike(directoryServices.description, like),
            sql`exists (select 1 from ${directoryOrganisations} o where o.council_id = ${directoryServices.councilId} and o.id = ${directoryServices.organisationId} and o.name ilike ${like})`,
          ),
        )
      }
      if (q.need) conds.push(sql`${q.need} = any(${directoryServices.needs})`)
      if (q.age !== undefined) {
        conds.push(sql`(not exists (select 1 from ${directoryEligibility} e where e.council_id = ${councilId} and e.service_id = ${directoryServices.id} and (e.minimum_age is not null or e.maximum_age is not null))
          or exists (select 1 from ${directoryEligibility} e where e.council_id = ${councilId} and e.service_id = ${directoryServices.id} and coalesce(e.minimum_age, 0) <= ${q.age} and coalesce(e.maximum_age, 200) >= ${q.age}))`)
      }
      if (q.patchId) {
        const [p] = await db
          .select({ name: patches.name })
          .from(patches)
          .where(and(eq(patches.councilId, councilId), eq(patches.id, q.patchId)))
        if (!p) throw invalid('querystring.patchId', 'not one of this council’s patches')
        conds.push(
          sql`(cardinality(${directoryServices.areas}) = 0 or ${p.name.toLowerCase()} = any(${directoryServices.areas}) or 'whole council' = any(${directoryServices.areas}))`,
        )
      }
      if (q.cost)
        conds.push(
          sql`exists (select 1 from ${directoryCostOptions} c where c.council_id = ${councilId} and c.service_id = ${directoryServices.id} and c.option = ${q.cost})`,
        )
      const where = and(...conds)
      const limit = q.limit ?? 20
      const offset = q.offset ?? 0
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(directoryServices)
          .where(where)
          .orderBy(asc(directoryServices.name), asc(directoryServices.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: sql<number>`count(*)::int` }).from(directoryServices).where(where),
      ])
      return { total: count?.n ?? 0, offset, services: await views(councilId, rows) }
    },

    async get(councilId: string, id: string) {
      const [row] = await db
        .select()
        .from(directoryServices)
        .where(and(eq(directoryServices.councilId, councilId), eq(directoryServices.id, id)))
      if (!row) throw notFound('service')
      return (await views(councilId, [row]))[0]!
    },

    /** All or nothing: a file with any problem is refused with every problem's line and field, and nothing is written. */
    async importFile(ctx: Ctx, content: string, fileName?: string) {
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
        const { created, updated } = await upsertOrukServices(tx, ctx.councilId, services)
        await writeAudit(tx, {
          ...ctx,
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
    },

    async exportFile(councilId: string) {
      return orukPage(await toOruk(councilId))
    },

    /** An insight adviser adds a service by hand; it is written as an ORUK record, like an imported one. */
    async create(ctx: Ctx, input: NewServiceInput) {
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
            eq(directoryOrganisations.councilId, ctx.councilId),
            sql`lower(${directoryOrganisations.name}) = ${input.organisationName.toLowerCase()}`,
          ),
        )
        .limit(1)
      if (org) s.organization = { id: org.orukId, name: input.organisationName, description: org.description }
      const serviceId = await db.transaction(async (tx) => {
        await upsertOrukService(tx, ctx.councilId, s)
        const [row] = await tx
          .select({ id: directoryServices.id })
          .from(directoryServices)
          .where(and(eq(directoryServices.councilId, ctx.councilId), eq(directoryServices.orukId, id)))
        await writeAudit(tx, { ...ctx, action: 'directory.create', recordType: 'directory_service', recordId: row!.id })
        return row!.id
      })
      return this.get(ctx.councilId, serviceId)
    },

    async familyList(ctx: Ctx, actor: Actor, familyId: string) {
      await fam.inScope(actor.councilId, actor.familyScope, familyId)
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
        .innerJoin(
          people,
          and(eq(people.id, familyServices.recordedBy), eq(people.councilId, familyServices.councilId)),
        )
        .where(and(eq(familyServices.councilId, ctx.councilId), eq(familyServices.familyId, familyId)))
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
    },

    /** "Referred to the young carers' group on 3 March": only the team holding the family records it. */
    async addToFamily(
      ctx: Ctx,
      actor: Actor,
      familyId: string,
      input: { serviceId: string; status: 'referred' | 'attending' | 'finished'; onDate: string; note?: string | null },
    ) {
      await fam.inScope(actor.councilId, actor.familyScope, familyId)
      const holder = await holdingTeamId(db, ctx.councilId, familyId)
      if (!holder || !actor.teams.some((t) => t.id === holder))
        throw new AppError('forbidden', 'Only the team holding the family records services on its plan.')
      const [svc] = await db
        .select({ id: directoryServices.id })
        .from(directoryServices)
        .where(and(eq(directoryServices.councilId, ctx.councilId), eq(directoryServices.id, input.serviceId)))
      if (!svc) throw invalid('body.serviceId', 'not a service in this council’s directory')
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(familyServices)
          .values({
            councilId: ctx.councilId,
            familyId,
            serviceId: input.serviceId,
            teamId: holder,
            status: input.status,
            onDate: input.onDate,
            note: input.note ?? null,
            recordedBy: actor.personId,
          })
          .returning({ id: familyServices.id })
        await writeAudit(tx, {
          ...ctx,
          action: 'family.services.add',
          recordType: 'family_service',
          recordId: row!.id,
          familyId,
        })
        return row!.id
      })
      return (await this.familyList(ctx, actor, familyId)).find((r) => r.id === id)!
    },
  }
}
