import { sql } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import type { Role } from '@hearth/domain/roles'

/**
 * Ids of one council's records to put in a route's `:params`, and the demo sign-in of each role:
 * for the route-table tests (every route, as every role), on PostgreSQL or PGlite.
 */
export const DEMO_EMAIL: Record<Role, string> = {
  administrator: 'admin',
  practitioner: 'practitioner',
  referral_officer: 'referrals',
  enabler: 'enabler',
  insight_adviser: 'insight',
  strategy_member: 'strategy',
  information_governance: 'governance',
}

const NONE = '00000000-0000-4000-8000-000000000000'

async function firstId(db: Db, table: string, councilId: string, where = 'true') {
  const r = await db.execute(sql.raw(`select id from ${table} where council_id = '${councilId}' and ${where} limit 1`))
  return String((r as unknown as { rows: { id: string }[] }).rows[0]?.id ?? NONE)
}

/** One record of each kind in the council (a family of the patch given, a family a team holds …). */
export async function idsFor(db: Db, councilId: string, eastfieldPatch: string) {
  const held = (await db.execute(
    sql.raw(`select family_id from allocations where council_id = '${councilId}' and role = 'lead' limit 1`),
  )) as unknown as { rows: { family_id: string }[] }
  return {
    id_patch: await firstId(db, 'patches', councilId),
    id_team: await firstId(db, 'teams', councilId),
    id_person: await firstId(db, 'people', councilId, "email like 'enabler@%'"),
    id_family: await firstId(db, 'families', councilId, `patch_id = '${eastfieldPatch}'`),
    id_child: await firstId(
      db,
      'children',
      councilId,
      `family_id in (select id from families where patch_id = '${eastfieldPatch}')`,
    ),
    id_export: await firstId(db, 'audit_exports', councilId),
    id_referral: await firstId(db, 'referrals', councilId, "status = 'awaiting_decision'"),
    id_ffteam: await firstId(db, 'teams', councilId, "kind = 'family_facing'"),
    id_offer: await firstId(db, 'offers', councilId),
    id_heldfamily: String(held.rows[0]?.family_id ?? NONE),
    id_visit: await firstId(db, 'visits', councilId),
    id_task: await firstId(db, 'admin_tasks', councilId),
    id_proposal: await firstId(db, 'proposals', councilId),
    id_insight: await firstId(db, 'insight_requests', councilId),
    id_service: await firstId(db, 'directory_services', councilId),
    id_commission: await firstId(db, 'commissions', councilId),
  } as Record<string, string>
}

/** Fills :params in a route with ids of the given council. */
export function fill(url: string, set: Record<string, string>): string {
  const prefix = url.startsWith('/api/teams')
    ? 'team'
    : url.startsWith('/api/patches')
      ? 'patch'
      : url.startsWith('/api/people')
        ? 'person'
        : url.startsWith('/api/families')
          ? 'family'
          : url.startsWith('/api/children')
            ? 'child'
            : url.startsWith('/api/audit/exports')
              ? 'export'
              : url.startsWith('/api/referrals')
                ? 'referral'
                : url.startsWith('/api/visits')
                  ? 'visit'
                  : url.startsWith('/api/tasks')
                    ? 'task'
                    : url.startsWith('/api/proposals')
                      ? 'proposal'
                      : url.startsWith('/api/insight/requests')
                        ? 'insight'
                        : url.startsWith('/api/directory/services')
                          ? 'service'
                          : url.startsWith('/api/commissions')
                            ? 'commission'
                            : url.startsWith('/api/council/teams')
                              ? 'ffteam'
                              : 'x'
  url = url.replace(':taskType', 'visit_confirmation').replace(':clock', 'cp_visit')
  if (
    /^\/api\/families\/:id\/(workers|visits|ask-enabler|tasks|proposals|conversation|notes|plan|network|assessments|case-process|steps|family-link|family-meetings)/.test(
      url,
    )
  )
    url = url.replace(':id', set.id_heldfamily!)
  if (
    /^\/api\/teams\/:id\/(board|offers|decisions|rota|contact-time|assessments|clocks|members\/:personId\/)/.test(url)
  )
    url = url.replace(':id', set.id_ffteam!)
  return url
    .replace(':offerId', set.id_offer!)
    .replace(':day', '2031-01-02')
    .replace(':personId', set.id_person!)
    .replace(':linkId', '00000000-0000-4000-8000-000000000002')
    .replace(':id', set[`id_${prefix}`] ?? '00000000-0000-4000-8000-000000000000')
    .replace(':queue', 'hearth-default')
    .replace(':holdId', '00000000-0000-4000-8000-000000000001')
    .replace(':jobId', 'no-such-job')
    .replace(':file', 'pdf')
    .replace(':date', '2031-01-02')
}
