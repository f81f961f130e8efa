/**
 * `npm run seed:synthetic -- --children 8000`: adds a synthetic council (invented, and looking it)
 * with a year of the statutory process, to the database in DATABASE_URL, or else to the embedded one
 * `npm start` uses (.hearth/pgdata; stop Hearth first: PGlite allows one process). Sign in with
 * the demo password as synth0.0@synthshire.example (a practitioner), admin@synthshire.example
 * (its administrator) or data@synthshire.example (its data officer: the census and the returns).
 */
import { join } from 'node:path'
import { openDb } from '@hearth/db/client'
import { seedSyntheticCouncil } from '@hearth/db/seed/synthetic'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(n) || n < 1 || n > 200_000) {
    console.error(`--${name} must be a whole number from 1 to 200000`)
    process.exit(2)
  }
  return n
}
const childCount = arg('children', 8000)
const teamCount = arg('teams', 60)
const url = process.env.DATABASE_URL
const handle = await openDb(
  url
    ? { kind: 'postgres', url }
    : { kind: 'pglite', dataDir: process.env.HEARTH_DATA_DIR ?? join(import.meta.dirname, '../.hearth/pgdata') },
)
await handle.migrate()
const started = Date.now()
const councilId = await seedSyntheticCouncil(handle.db, { children: childCount, teams: teamCount })
console.log(
  `hearth: a synthetic council of ${childCount} children in ${teamCount} teams (${councilId}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
)
await handle.close()
