/**
 * The genogram's generations, worked out from the family's relationships: a pure function, so it
 * can be tested on any family, however tangled. Generation 0 is the top row.
 *
 * Each family relationship says how far apart two people's rows are: a parent is one row above
 * their child (adoptive and foster parents too), a grandparent two, partners and siblings share a
 * row. The constraints are taken strongest first (parents, then grandparents, then partners, then
 * siblings) into a union-find that keeps each person's distance from their group's root. A
 * constraint that contradicts those already taken (a cycle that does not add up, say a man
 * recorded as his partner's father) is left out and reported, never thrown: the map still draws,
 * and the list says what did not fit.
 */
export type GenerationLinkKind = 'parent' | 'grandparent' | 'partner' | 'sibling'

export interface GenerationLink {
  /** For `parent` and `grandparent`: the older person. */
  from: string
  to: string
  kind: GenerationLinkKind
}

/** Rows apart, `to` below `from`; in the order the constraints are taken. */
const DISTANCE: Record<GenerationLinkKind, number> = { parent: 1, grandparent: 2, partner: 0, sibling: 0 }
const ORDER: GenerationLinkKind[] = ['parent', 'grandparent', 'partner', 'sibling']

export interface Generations {
  /** Each person's row, every person once; the top row of each connected family is 0. */
  generation: Map<string, number>
  /** The links left out because they contradict the others. */
  conflicts: GenerationLink[]
}

export function genogramGenerations(people: readonly string[], links: readonly GenerationLink[]): Generations {
  const parent = new Map<string, string>()
  /** gen(person) − gen(parent in the union-find). */
  const offset = new Map<string, number>()
  for (const p of people) {
    parent.set(p, p)
    offset.set(p, 0)
  }
  const find = (x: string): [string, number] => {
    let root = x
    let total = 0
    const path: string[] = []
    while (parent.get(root) !== root) {
      path.push(root)
      total += offset.get(root)!
      root = parent.get(root)!
    }
    // compress: each on the path points at the root, with its whole distance
    let rest = total
    for (const p of path) {
      const own = offset.get(p)!
      parent.set(p, root)
      offset.set(p, rest)
      rest -= own
    }
    return [root, total]
  }
  const conflicts: GenerationLink[] = []
  const known = new Set(people)
  for (const kind of ORDER)
    for (const link of links) {
      if (link.kind !== kind || !known.has(link.from) || !known.has(link.to) || link.from === link.to) {
        if (link.kind === kind && link.from === link.to && known.has(link.from)) conflicts.push(link)
        continue
      }
      const d = DISTANCE[kind]
      const [ra, oa] = find(link.from)
      const [rb, ob] = find(link.to)
      if (ra === rb) {
        if (ob - oa !== d) conflicts.push(link)
        continue
      }
      // gen(to) = gen(from) + d: hang b's root under a's root
      parent.set(rb, ra)
      offset.set(rb, oa + d - ob)
    }
  const raw = new Map<string, [string, number]>()
  const top = new Map<string, number>()
  for (const p of people) {
    const [root, g] = find(p)
    raw.set(p, [root, g])
    top.set(root, Math.min(top.get(root) ?? g, g))
  }
  const generation = new Map<string, number>()
  for (const p of people) {
    const [root, g] = raw.get(p)!
    generation.set(p, g - top.get(root)!)
  }
  return { generation, conflicts }
}
