import { sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { Db } from '@hearth/db/client'
import { families } from '@hearth/db/schema/families'
import { type ConfidentialPlace, confidentialMasker } from '@hearth/domain/confidential-address'

/**
 * Addresses by construction: every JSON answer under /api, to staff or to a family's link, passes
 * through one masking before it is serialised. Any text that gives away a confidential address
 * (a refuge) the caller is not named on — a visit's place, a task's details, a chronology line, a
 * postcode in a list — is withheld, whichever route built it (`confidentialMasker`). Routes keep
 * their own, finer views (the family's page shows the district); this is the floor under them
 * all, so a new route cannot forget it.
 */
export default fp<{ db: Db }>(
  async (app, opts) => {
    app.addHook('preSerialization', async (request, _reply, payload) => {
      if (!payload || typeof payload !== 'object' || !request.url.startsWith('/api/')) return payload
      const councilId = request.actor?.councilId ?? request.familyLink?.councilId
      if (!councilId) return payload
      const personId = request.actor?.personId ?? null
      const res = await opts.db.execute(sql`select f.address_line1 as "addressLine1", f.postcode
        from ${families} f where f.council_id = ${councilId} and f.address_confidential
        and not coalesce(${personId}::uuid = any(f.address_shown_to), false)`)
      const masker = confidentialMasker((res as unknown as { rows: ConfidentialPlace[] }).rows)
      return masker ? masker.walk(payload) : payload
    })
  },
  { name: 'address-mask', dependencies: ['auth'] },
)
