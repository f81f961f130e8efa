import { afterAll, afterEach } from 'vitest'

/**
 * pg warns when a query is sent on a connection still running another (pg 9 makes it an error):
 * two statements of one transaction run in parallel (`Promise.all` on a `tx`). The warning fails
 * the test that printed it, with the stack that sent the second query. (Node warns once per
 * process, so each test file finds the first; fix it and run again.)
 */
Error.stackTraceLimit = 60
const overlaps: string[] = []
process.on('warning', (w) => {
  if (/already executing a query/.test(w.message)) overlaps.push(w.stack ?? w.message)
})
function check() {
  const found = overlaps.splice(0)
  if (found.length) throw new Error(`queries in parallel on one connection (pg):\n${found[0]}`)
}
afterEach(check)
// (and one sent while the file's app and database close)
afterAll(check)
