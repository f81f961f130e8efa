import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, freshDatabase, type TestApp } from '@hearth/test-kit'

/**
 * #31: a request Node's HTTP parser refuses before Fastify sees it still answers in Hearth's one
 * error shape (`{ error: { code, message } }`), over a real socket.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let port: number

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  port = (t.app.server.address() as { port: number }).port
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    let got = ''
    socket.on('data', (d) => {
      got += d.toString()
    })
    socket.on('end', () => resolve(got))
    socket.on('error', reject)
    setTimeout(() => {
      socket.destroy()
      resolve(got)
    }, 5_000).unref()
  })
}

describe('requests the HTTP parser refuses', () => {
  it('a malformed header answers 400 in the one error shape', async () => {
    const answer = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
    expect(body).toEqual({ error: { code: 'bad_request', message: 'That request is not valid.' } })
  })

  it('headers too large answer 431 in the one error shape', async () => {
    const answer = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
    expect(body.error.code).toBe('headers_too_large')
  })
})
