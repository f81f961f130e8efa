import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, makeChild, makeCouncil, makeFamily, makePatch } from '@hearth/test-kit'
import { buildTestApp } from '@hearth/test-kit'
import { capturedLogLines, forgetLogLines, personalDataInLogs, testLogger } from '@hearth/test-kit/log-capture'

/**
 * The suite-wide check that no personal data reaches a log line or a job failure (#18 finding 2)
 * runs as each test file drops its database. Here it is shown to catch what it must.
 */
let dbx: Awaited<ReturnType<typeof freshDatabase>>
beforeAll(async () => {
  dbx = await freshDatabase()
})
afterAll(async () => {
  await dbx.drop()
})

describe('the log scan', () => {
  it('sees what the API logs, at debug level', async () => {
    const t = await buildTestApp(dbx.handle)
    const before = capturedLogLines().length
    await t.app.inject({ method: 'GET', url: '/health/live' })
    await t.close()
    expect(capturedLogLines().length).toBeGreaterThan(before)
  })

  it('finds a child’s name, NHS number and a family’s postcode in a log line, and ids pass', async () => {
    const db = dbx.handle.db
    const council = await makeCouncil(db)
    const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
    const family = await makeFamily(db, council, { patch })
    const child = await makeChild(db, family)
    const log = testLogger()
    log.info({ familyId: family.id, childId: child.id }, 'ids only: fine')
    expect(await personalDataInLogs(db)).toEqual([])
    log.error({ err: `Failed query: insert … params: ${child.firstName} ${child.lastName}` }, 'a leak')
    log.warn({ postcode: family.postcode }, 'another')
    const found = await personalDataInLogs(db)
    forgetLogLines()
    expect(found.map((f) => f.split(' in: ')[0]).sort()).toEqual(['children.name', 'families.postcode'])
  })
})
