import { writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { openDb } from '@hearth/db/client'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { SERVICE_NEEDS } from '@hearth/domain/insight'
import { freshDatabase, rssMb, signIn, startApi } from './lib'

/**
 * Service directory figures (issue "Insight team"): loading a council-sized Open Referral UK file
 * (all or nothing, one transaction), loading it again (every service updated), exporting it, and
 * searching it, with the API in its own process.
 */
const SERVICES = 3000
const needs = Object.keys(SERVICE_NEEDS)
const areas = ['Eastfield', 'Riverside', 'Oakhill', 'Whole council']
const file = JSON.stringify({
  totalElements: SERVICES,
  totalPages: 1,
  number: 1,
  size: SERVICES,
  first: true,
  last: true,
  content: Array.from({ length: SERVICES }, (_, i) => ({
    id: `bench-svc-${i}`,
    name: `Bench service ${i}`,
    description: `An invented service number ${i}, for measuring. It helps families with ${needs[i % needs.length]}.`,
    status: 'active',
    organization: { id: `bench-org-${i % 400}`, name: `Bench organisation ${i % 400}`, description: 'Invented.' },
    service_at_locations: [
      {
        id: `bench-sal-${i}`,
        location: {
          id: `bench-loc-${i % 600}`,
          name: `Bench venue ${i % 600}`,
          physical_addresses: [
            {
              id: `bench-addr-${i % 600}`,
              address_1: `${i % 600} Bench Street`,
              city: 'Benchton',
              postal_code: 'NM1 1AA',
              country: 'GB',
            },
          ],
        },
      },
    ],
    eligibilitys: [
      { id: `bench-elig-${i}`, eligibility: 'Children and families', minimum_age: i % 12, maximum_age: 12 + (i % 7) },
    ],
    cost_options: [
      {
        id: `bench-cost-${i}`,
        option: i % 5 === 0 ? 'Spot purchase' : 'Free',
        amount: i % 5 === 0 ? 50 + (i % 100) : null,
        amount_description: i % 5 === 0 ? 'per session' : null,
      },
    ],
    service_areas: [{ id: `bench-area-${i}`, service_area: areas[i % areas.length] }],
    service_taxonomys: [
      { id: `bench-tax-${i}`, taxonomy: { id: needs[i % needs.length], name: 'Need', vocabulary: 'Hearth needs' } },
    ],
    extensions: { hearth: { how_to_refer: 'Phone.', waiting_weeks: i % 9 } },
  })),
})

const { url } = await freshDatabase('hearth_bench_directory')
const handle = await openDb({ kind: 'postgres', url, poolSize: 2 })
await handle.migrate()
await seedDemoCouncil(handle.db)
await handle.close()
const api = await startApi(url, '{benchdir}')
const insight = await signIn(api.address, 'insight@northmoor.example')
const body = JSON.stringify({ fileName: 'bench.json', content: file })

async function timed(run: () => Promise<Response>) {
  const t0 = Date.now()
  const res = await run()
  const text = await res.text()
  if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 300)}`)
  return { seconds: (Date.now() - t0) / 1000, text }
}
const first = await timed(() =>
  fetch(`${api.address}/api/directory/import`, { method: 'POST', headers: insight.headers, body }),
)
const again = await timed(() =>
  fetch(`${api.address}/api/directory/import`, { method: 'POST', headers: insight.headers, body }),
)
const exported = await timed(() =>
  fetch(`${api.address}/api/directory/export`, { headers: { cookie: insight.cookie } }),
)
const exportedCount = (JSON.parse(exported.text) as { content: unknown[] }).content.length
const rssAfterImport = rssMb(api.child.pid!)
const practitioner = await signIn(api.address, 'practitioner@northmoor.example')
const search = await autocannon({
  url: `${api.address}/api/directory/services?need=young_carers&age=10&q=bench`,
  connections: 10,
  duration: 10,
  headers: { cookie: practitioner.cookie },
})
api.child.kill('SIGTERM')

const mb = (Buffer.byteLength(file) / 1024 / 1024).toFixed(1)
const md = `## Service directory (Open Referral UK)

A generated file of ${SERVICES} services (${mb} MB; 400 organisations, 600 locations, each service with eligibility, a cost option, an area and a need), loaded through \`POST /api/directory/import\` into a council that already has the demo directory. The API runs in its own process.

| measure | figure |
|---|---|
| First load (parse with line positions, check every record, one transaction) | **${first.seconds.toFixed(1)} s** (${Math.round(SERVICES / first.seconds)} services/s) |
| Loading the same file again (every service updated in place) | ${again.seconds.toFixed(1)} s |
| Export of the whole directory (${exportedCount} services) | ${exported.seconds.toFixed(2)} s |
| Search (\`need\`, \`age\` and words over ${exportedCount} services; first page of 20 and the total), 10 connections for 10 s | ${Math.round(search.requests.average)} requests/s, p50 ${search.latency.p50} ms, p99 ${search.latency.p99} ms |
| API process memory (RSS) after the loads and the export | ${rssAfterImport} MiB |
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/4-directory.md`, md)
process.stdout.write(md)
