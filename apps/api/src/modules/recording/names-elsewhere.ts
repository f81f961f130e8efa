import { sql } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import type { Note } from '@hearth/db/schema/recording'
import type { Deps } from '../../kernel/context'
import { noteFor } from './note-queries'
import { storyOf } from './similar-notes'
import type { Caller } from '../../kernel/caller'

/** The name written as a whole word or words (not inside a longer name), whatever its case. */
const written = (text: string, name: string) => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
  return new RegExp(`(^|[^\\p{L}])${escaped}(?=$|[^\\p{L}])`, 'iu').test(text)
}

/**
 * Full names in a note that belong to nobody of this family (its children, adults and network)
 * but to someone Hearth knows in another family of the council: a passage copied from another
 * family's record is the usual way they get there. Shown to the author before saving, as names
 * not in this family's network (never saying whose they are).
 */
export async function namesFromElsewhere(ex: Db | Tx, councilId: string, n: Note): Promise<string[]> {
  const text = storyOf(n)
  if (!text.trim()) return []
  const rows = (
    (await ex.execute(sql`select distinct k.name, k.family_id from (
        select c.first_name || ' ' || c.last_name as name, c.family_id from children c
          where c.council_id = ${councilId}
        union all select a.name, a.family_id from adults a where a.council_id = ${councilId}
        union all select p.name, m.family_id from network_people p
          join network_members m on m.council_id = p.council_id and m.person_id = p.id
          where p.council_id = ${councilId} and m.removed_at is null
      ) k where position(' ' in trim(k.name)) > 0 and position(lower(k.name) in ${text.toLowerCase()}) > 0`)) as unknown as {
      rows: { name: string; family_id: string }[]
    }
  ).rows
  const own = new Set(rows.filter((r) => r.family_id === n.familyId).map((r) => r.name.trim().toLowerCase()))
  const found = new Map<string, string>()
  for (const r of rows) {
    const key = r.name.trim().toLowerCase()
    if (r.family_id === n.familyId || own.has(key) || found.has(key)) continue
    if (written(text, r.name.trim())) found.set(key, r.name.trim())
  }
  return [...found.values()].sort()
}

/** For the author, before saving: names in the draft that are not in this family's network. */
export async function getNamesElsewhere(deps: Deps, caller: Caller, noteId: string) {
  const n = await noteFor(deps.db, caller, noteId)
  return { names: await namesFromElsewhere(deps.db, caller.councilId, n) }
}
