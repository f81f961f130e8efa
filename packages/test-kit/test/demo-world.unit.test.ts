import { readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const SELF = 'packages/test-kit/test/demo-world.unit.test.ts'
const DEMO = /@northmoor\.example|@southmere\.example|seedTwoCouncils|seedDemoCouncil|browserStage/

/**
 * A test builds the world it needs with the kit's factories (makeCouncil, makeTeam, makeFamily,
 * signInAs by role …), so that it says what it depends on. These use the demo council instead,
 * each for a reason; a test file not named here that signs in as a demo account or seeds the demo
 * fails this test.
 */
const USES_THE_DEMO: Record<string, string> = {
  // the demo is the subject
  'packages/db/test/migrations.test.ts': 'the migrations, then the demo seed, on PGlite',
  'test/start.smoke.test.ts': '`npm start` seeds the demo and prints its sign-ins',
  'apps/api/test/insight-pglite.test.ts': 'the demo on the embedded path (PGlite), as `npm start` runs it',
  'apps/api/test/pglite-writes.test.ts': 'every role writing to the demo on PGlite, as `npm start` runs it',
  'apps/api/test/returns.test.ts': 'the demo council’s own records make a census valid against the XSD',
  'test/fleet.test.ts': 'two whole councils on two servers, one moved while its staff work',
  // the route-table walkers: every route as every role, needing one record of every kind
  'apps/api/test/access.test.ts': 'every route × every role, in two councils with every kind of record',
  'apps/api/test/fuzz.test.ts': 'malformed input to every route, as every role',
  'apps/api/test/validation.test.ts': 'bad bodies to every write route',
  'apps/api/test/read-audit.test.ts': 'every GET that reads case records, on records of every kind',
  // Chromium: what a new user sees after `npm start` (browserStage: the demo practitioner's family)
  'test/browser/admin-organisation.test.ts': 'the demo council in Chromium',
  'test/browser/census.test.ts': 'the demo council in Chromium',
  'test/browser/contact-held.test.ts': 'the demo council in Chromium',
  'test/browser/dates.test.ts': 'the demo council in Chromium',
  'test/browser/directory.test.ts': 'the demo council in Chromium',
  'test/browser/enablers.test.ts': 'the demo council in Chromium',
  'test/browser/family-link.test.ts': 'the demo council in Chromium',
  'test/browser/forms.test.ts': 'the demo council in Chromium',
  'test/browser/insight.test.ts': 'the demo council in Chromium',
  'test/browser/people.test.ts': 'the demo council in Chromium',
  'test/browser/phone-and-titles.test.ts': 'the demo council in Chromium',
  'test/browser/print.test.ts': 'the demo council in Chromium',
  'test/browser/recording.test.ts': 'the demo council in Chromium',
  'test/browser/records.test.ts': 'the demo council in Chromium',
  'test/browser/referral-front-door.test.ts': 'the demo council in Chromium',
  'test/browser/search.test.ts': 'the demo council in Chromium',
  'test/browser/sign-off.test.ts': 'the demo council in Chromium',
  'test/browser/team-board.test.ts': 'the demo council in Chromium',
}

function testFiles(): string[] {
  const out: string[] = []
  for (const top of ['apps', 'packages', 'test']) {
    for (const f of readdirSync(join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
      if (f.includes('node_modules') || !f.endsWith('.test.ts')) continue
      const path = `${top}/${f.split(sep).join('/')}`
      if (path !== SELF) out.push(path)
    }
  }
  return out.sort()
}

describe('tests build the world they need', () => {
  it('only the files named, each with its reason, lean on the demo council', () => {
    const leaning = testFiles().filter((f) => DEMO.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(leaning.filter((f) => !(f in USES_THE_DEMO))).toEqual([])
    // and a file that no longer leans on it leaves the list
    expect(Object.keys(USES_THE_DEMO).filter((f) => !leaning.includes(f))).toEqual([])
  })
})
