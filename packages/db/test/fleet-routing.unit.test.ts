import { describe, expect, it } from 'vitest'
import {
  councilOfToken,
  Fleet,
  HOME_SERVER,
  heldHere,
  inCouncil,
  isCouncilMoving,
  isUnreachable,
  NoCouncilInScope,
  onEachReachableServer,
  parseServers,
} from '@hearth/db/fleet'

/** Which server a statement goes to (no connection is made: pools open lazily). */
const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'

async function twoServers() {
  const fleet = await Fleet.open('postgres://x@127.0.0.1:1/home', [
    { name: 'pg2', url: 'postgres://x@127.0.0.1:1/two' },
  ])
  // as the placement table would say: B on the second server, A (no row) on the home server
  ;(fleet as unknown as { placed: Map<string, string> }).placed = new Map([[B, 'pg2']])
  return fleet
}

describe('the fleet', () => {
  it('sends a council’s statements to its server, and refuses a statement with no council', async () => {
    const fleet = await twoServers()
    const home = fleet.servers.get(HOME_SERVER)
    const two = fleet.servers.get('pg2')
    expect(() => fleet.current()).toThrow(NoCouncilInScope)
    expect(fleet.enter(() => fleet.current(), A)).toBe(home)
    expect(fleet.enter(() => fleet.current(), B)).toBe(two)
    // set for the rest of a request, as the auth hook does once the session is found
    const seen = await fleet.enter(async () => {
      expect(() => fleet.current()).toThrow(NoCouncilInScope)
      inCouncil(B.toUpperCase())
      await Promise.resolve()
      return fleet.current()
    })
    expect(seen).toBe(two)
    // each server in turn, each its own scope; a copy left by a move is not the council's
    const servers = await fleet.enter(() =>
      onEachReachableServer(async (server) => ({ server, handle: fleet.current(), b: heldHere(server, B) })),
    )
    expect(servers.failed).toBe(0)
    expect(servers.results).toEqual([
      { server: HOME_SERVER, handle: home, b: false },
      { server: 'pg2', handle: two, b: true },
    ])
    await fleet.handle().close()
  })

  it('a fleet of one needs no council in scope; without a fleet, each server means once', async () => {
    const fleet = await Fleet.open('postgres://x@127.0.0.1:1/home')
    expect(fleet.current()).toBe(fleet.home)
    expect(await onEachReachableServer(async (s) => s)).toEqual({ results: [null], failed: 0 })
    expect(heldHere(null, A)).toBe(true)
    await fleet.handle().close()
  })

  it('reads the servers, the tokens and the errors it is told about', () => {
    expect(parseServers('pg2=postgres://a@h/d, pg3=postgresql://b@h/d')).toEqual([
      { name: 'pg2', url: 'postgres://a@h/d' },
      { name: 'pg3', url: 'postgresql://b@h/d' },
    ])
    expect(parseServers(undefined)).toEqual([])
    for (const bad of ['home=postgres://h/d', 'Pg2=postgres://h/d', 'pg2=mysql://h/d', '=postgres://h/d'])
      expect(() => parseServers(bad), bad).toThrow(/DATABASE_SERVERS/)
    expect(councilOfToken(`${A}.abc`)).toBe(A)
    expect(councilOfToken('abc')).toBeNull()
    expect(councilOfToken(`${A.slice(1)}x.abc`)).toBeNull()
    expect(councilOfToken(`not-a-council-id-but-thirty-six-long.abc`)).toBeNull()
    expect(() => inCouncil('nope')).toThrow()
    expect(isCouncilMoving({ cause: { code: 'HM503' } })).toBe(true)
    expect(isCouncilMoving({ code: '23505' })).toBe(false)
    expect(isUnreachable({ cause: { code: 'ECONNREFUSED' } })).toBe(true)
    expect(isUnreachable({ code: '57P01' })).toBe(true)
    expect(isUnreachable({ code: '23505' })).toBe(false)
  })
})
