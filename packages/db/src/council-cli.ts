import pg from 'pg'
import { HOME_SERVER, parseServers } from './fleet'
import { confirmMove, MoveError, moveCouncil, placeCouncil } from './move-council'

/**
 * `npm run council -- <command>`: councils on a fleet of PostgreSQL servers (docs/operations.md).
 * Uses DATABASE_URL (the home server) and DATABASE_SERVERS, as the API and the worker do.
 *
 *   list                        where each council is, and any move not yet confirmed
 *   place <council id> <server> a new council, seeded on that server, is to be found there
 *   move <council id> <server>  copy, verify, switch (its staff go on working; writes wait a moment)
 *   confirm <council id>        the council works on its new server: clear out its old copy
 *
 * Prints ids, counts and checksums only: never a name.
 */
const [command, councilId, server] = process.argv.slice(2)
const home = process.env.DATABASE_URL
if (!home) {
  console.error('DATABASE_URL (the home server) must be set')
  process.exit(78)
}
const urls = new Map([
  [HOME_SERVER, home],
  ...parseServers(process.env.DATABASE_SERVERS).map((s) => [s.name, s.url] as const),
])

async function list() {
  const c = new pg.Client({ connectionString: home })
  await c.connect()
  const r = await c.query(
    'select council_id, server, moved_from, moved_at, confirmed_at from council_placements order by 2, 1',
  )
  console.table(r.rows)
  await c.end()
}

try {
  if (command === 'list') await list()
  else if (command === 'place' && councilId && server) {
    if (!urls.has(server)) throw new MoveError('unknown_server', server)
    await placeCouncil(home, councilId, server)
    console.log(`placed ${councilId} on ${server}`)
  } else if (command === 'move' && councilId && server) {
    const report = await moveCouncil(urls, councilId, server)
    for (const t of report.tables)
      if (t.rows) console.log(`${t.table.padEnd(32)} ${String(t.rows).padStart(9)}  ${t.checksum}`)
    console.log(
      `moved ${councilId} from ${report.from} to ${report.to}: ${report.rows} rows, counts and checksums the same; ` +
        `writes refused for ${report.frozenMs} ms` +
        (report.endedIdle ? `; ${report.endedIdle} transaction(s) left idle by their client ended` : '') +
        `. The old copy is kept, read-only: \`npm run council -- confirm ${councilId}\` clears it.`,
    )
  } else if (command === 'confirm' && councilId) {
    const done = await confirmMove(urls, councilId)
    console.log(`cleared ${done.rows} rows of ${councilId} from ${done.server}`)
  } else {
    console.error(
      'usage: npm run council -- list | place <council id> <server> | move <council id> <server> | confirm <council id>',
    )
    process.exit(64)
  }
} catch (err) {
  console.error(err instanceof MoveError ? err.message : `failed: ${(err as { code?: string }).code ?? 'error'}`)
  process.exit(1)
}
