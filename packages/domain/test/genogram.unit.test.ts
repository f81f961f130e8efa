import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type GenerationLink, genogramGenerations } from '../src/genogram'

const DISTANCE = { parent: 1, grandparent: 2, partner: 0, sibling: 0 } as const
const holds = (g: Map<string, number>, l: GenerationLink) => g.get(l.to)! - g.get(l.from)! === DISTANCE[l.kind]

describe('the genogram’s generations', () => {
  it('three generations, a remarriage and half-siblings, counted by hand', () => {
    // Nan and Grandad; their daughter Mum; Mum's first partner Dad (divorced) and second partner
    // Steve; Ava is Mum and Dad's, Leo is Mum and Steve's (Ava and Leo are half-siblings); Steve's
    // son Kai from before lives with his own mother (Kai and Leo are half-siblings too).
    const people = ['nan', 'grandad', 'mum', 'dad', 'steve', 'ava', 'leo', 'kai', 'kaimum']
    const links: GenerationLink[] = [
      { from: 'nan', to: 'grandad', kind: 'partner' },
      { from: 'nan', to: 'mum', kind: 'parent' },
      { from: 'grandad', to: 'mum', kind: 'parent' },
      { from: 'mum', to: 'dad', kind: 'partner' },
      { from: 'mum', to: 'steve', kind: 'partner' },
      { from: 'mum', to: 'ava', kind: 'parent' },
      { from: 'dad', to: 'ava', kind: 'parent' },
      { from: 'mum', to: 'leo', kind: 'parent' },
      { from: 'steve', to: 'leo', kind: 'parent' },
      { from: 'steve', to: 'kai', kind: 'parent' },
      { from: 'kaimum', to: 'kai', kind: 'parent' },
      { from: 'ava', to: 'leo', kind: 'sibling' },
      { from: 'nan', to: 'ava', kind: 'grandparent' },
    ]
    const { generation, conflicts } = genogramGenerations(people, links)
    expect(conflicts).toEqual([])
    expect(Object.fromEntries(generation)).toEqual({
      nan: 0,
      grandad: 0,
      mum: 1,
      dad: 1,
      steve: 1,
      kaimum: 1,
      ava: 2,
      leo: 2,
      kai: 2,
    })
  })

  it('a cycle that does not add up is left out and named; the rest still draws', () => {
    const { generation, conflicts } = genogramGenerations(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b', kind: 'parent' },
        { from: 'b', to: 'c', kind: 'parent' },
        { from: 'c', to: 'a', kind: 'parent' },
        { from: 'a', to: 'b', kind: 'partner' },
      ],
    )
    expect(Object.fromEntries(generation)).toEqual({ a: 0, b: 1, c: 2 })
    expect(conflicts).toEqual([
      { from: 'c', to: 'a', kind: 'parent' },
      { from: 'a', to: 'b', kind: 'partner' },
    ])
  })

  // Families drawn from real generations: any links that agree with them must be kept, and hold.
  const consistentFamily = fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.record({
      rows: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      picks: fc.array(
        fc.record({
          a: fc.nat(n - 1),
          b: fc.nat(n - 1),
          kind: fc.constantFrom('parent', 'grandparent', 'partner', 'sibling' as const),
        }),
        { maxLength: 80 },
      ),
    }),
  )

  it('property: links true to some family all hold, and every partnership’s children are a row below both partners', () => {
    fc.assert(
      fc.property(consistentFamily, ({ rows, picks }) => {
        const people = rows.map((_, i) => `p${i}`)
        const links: GenerationLink[] = []
        for (const { a, b, kind } of picks) {
          const [x, y] = rows[a]! <= rows[b]! ? [a, b] : [b, a]
          if (x === y || rows[y]! - rows[x]! !== DISTANCE[kind]) continue
          links.push({ from: `p${x}`, to: `p${y}`, kind })
        }
        const { generation, conflicts } = genogramGenerations(people, links)
        expect(conflicts).toEqual([])
        for (const l of links) expect(holds(generation, l)).toBe(true)
        // a partnership's children: the people both partners are parents of
        for (const p of links.filter((l) => l.kind === 'partner'))
          for (const c of people)
            if (
              links.some((l) => l.kind === 'parent' && l.from === p.from && l.to === c) &&
              links.some((l) => l.kind === 'parent' && l.from === p.to && l.to === c)
            ) {
              expect(generation.get(c)).toBe(generation.get(p.from)! + 1)
              expect(generation.get(c)).toBe(generation.get(p.to)! + 1)
            }
      }),
      { numRuns: 300 },
    )
  })

  it('property: on any links at all (cycles, nonsense), every person once, every kept link holds, the top row is 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.record({
                a: fc.nat(n + 2), // some links name people who are not there
                b: fc.nat(n + 2),
                kind: fc.constantFrom('parent', 'grandparent', 'partner', 'sibling' as const),
              }),
              { maxLength: 90 },
            ),
          ),
        ),
        ([n, picks]) => {
          const people = Array.from({ length: n }, (_, i) => `p${i}`)
          const links = picks.map(({ a, b, kind }) => ({ from: `p${a}`, to: `p${b}`, kind }))
          const { generation, conflicts } = genogramGenerations(people, links)
          expect([...generation.keys()].sort()).toEqual([...people].sort())
          const left = new Set(conflicts)
          for (const l of links)
            if (!left.has(l) && generation.has(l.from) && generation.has(l.to) && l.from !== l.to)
              expect(holds(generation, l)).toBe(true)
          expect(Math.min(...generation.values())).toBe(0)
          for (const g of generation.values()) expect(g).toBeGreaterThanOrEqual(0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
