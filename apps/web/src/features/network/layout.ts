import ELK from 'elkjs/lib/elk.bundled.js'
import type { Link, Network, Person } from './network-api'

/**
 * Where each person goes on the genogram and on the ecomap. The genogram's rows come from the
 * API (generations worked out from the relationships); ELK's layered algorithm places people
 * along each row so that lines cross as little as possible, with partners side by side over
 * the children of their partnership. The ecomap is a child in the centre and rings around them.
 */
export const NODE_W = 150
export const NODE_H = 86
const ROW_H = 170
const GAP = 30

export interface Placed {
  id: string
  x: number
  y: number
  kind: 'person' | 'union' | 'household'
  person?: Person
  /** A household's box. */
  width?: number
  height?: number
}
export interface PlacedLink {
  id: string
  source: string
  target: string
  kind: 'partner' | 'child' | 'link'
  link?: Link
  label?: string
}

const PARENT_KINDS = new Set(['parent_of', 'step_parent_of', 'adoptive_parent_of', 'foster_carer_of'])

let elk: InstanceType<typeof ELK> | null = null

/** The genogram: family only, rows by generation, partnerships as a point their children hang from. */
export async function genogramLayout(n: Network): Promise<{ nodes: Placed[]; links: PlacedLink[]; ms: number }> {
  const started = performance.now()
  const family = n.people.filter((p) => p.kind === 'family')
  const inFamily = new Set(family.map((p) => p.id))
  const live = n.links.filter((l) => inFamily.has(l.fromId) && inFamily.has(l.toId))
  const parentsOf = new Map<string, Set<string>>()
  for (const l of live)
    if (PARENT_KINDS.has(l.kind)) {
      if (!parentsOf.has(l.toId)) parentsOf.set(l.toId, new Set())
      parentsOf.get(l.toId)!.add(l.fromId)
    }
  const partnerships = live.filter((l) => l.kind === 'partner_of')
  const links: PlacedLink[] = []
  const layoutEdges: { id: string; sources: string[]; targets: string[] }[] = []
  const unions: { id: string; generation: number }[] = []
  const hung = new Set<string>()
  for (const p of partnerships) {
    const u = `union:${p.id}`
    const gen = family.find((x) => x.id === p.fromId)?.generation ?? 0
    unions.push({ id: u, generation: gen })
    const label = p.partnership === 'separated' ? 'separated' : p.partnership === 'divorced' ? 'divorced' : undefined
    links.push({ id: `${p.id}:a`, source: p.fromId, target: u, kind: 'partner', link: p, label })
    links.push({ id: `${p.id}:b`, source: p.toId, target: u, kind: 'partner', link: p })
    layoutEdges.push({ id: `${p.id}:a`, sources: [p.fromId], targets: [u] })
    layoutEdges.push({ id: `${p.id}:b`, sources: [p.toId], targets: [u] })
    // the children of both partners hang from their partnership
    for (const [child, parents] of parentsOf)
      if (parents.has(p.fromId) && parents.has(p.toId)) {
        links.push({ id: `${u}>${child}`, source: u, target: child, kind: 'child' })
        layoutEdges.push({ id: `${u}>${child}`, sources: [u], targets: [child] })
        hung.add(`${p.fromId}>${child}`).add(`${p.toId}>${child}`)
      }
  }
  for (const l of live)
    if (PARENT_KINDS.has(l.kind) && !hung.has(`${l.fromId}>${l.toId}`)) {
      links.push({ id: l.id, source: l.fromId, target: l.toId, kind: 'child', link: l })
      layoutEdges.push({ id: l.id, sources: [l.fromId], targets: [l.toId] })
    }
  elk ??= new ELK()
  const graph = await elk.layout({
    id: 'genogram',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: [
      ...family.map((p) => ({
        id: p.id,
        width: NODE_W,
        height: NODE_H,
        layoutOptions: { 'elk.partitioning.partition': String(p.generation * 2) },
      })),
      ...unions.map((u) => ({
        id: u.id,
        width: 8,
        height: 8,
        layoutOptions: { 'elk.partitioning.partition': String(u.generation * 2 + 1) },
      })),
    ],
    edges: layoutEdges,
  })
  const xOf = new Map((graph.children ?? []).map((c) => [c.id, c.x ?? 0]))
  // ELK may spread one generation over several layers: each row keeps ELK's order, never overlapping
  const rowsOf = new Map<number, Person[]>()
  for (const p of family) rowsOf.set(p.generation, [...(rowsOf.get(p.generation) ?? []), p])
  for (const row of rowsOf.values()) {
    row.sort((a, b) => (xOf.get(a.id) ?? 0) - (xOf.get(b.id) ?? 0))
    let next = Number.NEGATIVE_INFINITY
    for (const p of row) {
      const x = Math.max(xOf.get(p.id) ?? 0, next)
      xOf.set(p.id, x)
      next = x + NODE_W + GAP
    }
  }
  // a partnership's point sits between the partners
  const partnersOf = new Map(partnerships.map((p) => [`union:${p.id}`, [p.fromId, p.toId] as const]))
  for (const u of unions) {
    const [a, b] = partnersOf.get(u.id)!
    xOf.set(u.id, ((xOf.get(a) ?? 0) + (xOf.get(b) ?? 0)) / 2 + NODE_W / 2 - 4)
  }
  const nodes: Placed[] = [
    ...family.map((p) => ({
      id: p.id,
      x: xOf.get(p.id) ?? 0,
      y: p.generation * ROW_H,
      kind: 'person' as const,
      person: p,
    })),
    ...unions.map((u) => ({
      id: u.id,
      x: xOf.get(u.id) ?? 0,
      y: u.generation * ROW_H + NODE_H / 2 + 36,
      kind: 'union' as const,
    })),
  ]
  // the household, circled: one box round everyone who lives with the family
  const home = nodes.filter((x) => x.person?.inHousehold)
  if (home.length) {
    const pad = 14
    const x0 = Math.min(...home.map((h) => h.x)) - pad
    const y0 = Math.min(...home.map((h) => h.y)) - pad
    const x1 = Math.max(...home.map((h) => h.x + NODE_W)) + pad
    const y1 = Math.max(...home.map((h) => h.y + NODE_H)) + pad
    nodes.unshift({ id: 'household', x: x0, y: y0, width: x1 - x0, height: y1 - y0, kind: 'household' })
  }
  return { nodes, links, ms: performance.now() - started }
}

/** The ecomap: the child in the centre; everyone they are linked to on the inner ring, the rest outside. */
export function ecomapLayout(n: Network, centreId: string): { nodes: Placed[]; links: PlacedLink[]; ms: number } {
  const started = performance.now()
  const centre = n.people.find((p) => p.id === centreId) ?? n.people[0]
  if (!centre) return { nodes: [], links: [], ms: 0 }
  const near = new Set(
    n.links.flatMap((l) => (l.fromId === centre.id ? [l.toId] : l.toId === centre.id ? [l.fromId] : [])),
  )
  const inner = n.people.filter((p) => p.id !== centre.id && near.has(p.id))
  const outer = n.people.filter((p) => p.id !== centre.id && !near.has(p.id))
  const ring = (list: Person[], radius: number, turn: number) =>
    list.map((p, i) => {
      const a = turn + (2 * Math.PI * i) / Math.max(1, list.length)
      return {
        id: p.id,
        x: Math.cos(a) * radius - NODE_W / 2,
        y: Math.sin(a) * radius - NODE_H / 2,
        kind: 'person' as const,
        person: p,
      }
    })
  // rings wide enough for their people side by side
  const r1 = Math.max(260, (inner.length * (NODE_W + 30)) / (2 * Math.PI))
  const r2 = Math.max(r1 + 200, (outer.length * (NODE_W + 30)) / (2 * Math.PI))
  const nodes: Placed[] = [
    { id: centre.id, x: -NODE_W / 2, y: -NODE_H / 2, kind: 'person', person: centre },
    ...ring(inner, r1, -Math.PI / 2),
    ...ring(outer, r2, -Math.PI / 2 + Math.PI / Math.max(2, outer.length)),
  ]
  const links = n.links.map((l) => ({ id: l.id, source: l.fromId, target: l.toId, kind: 'link' as const, link: l }))
  return { nodes, links, ms: performance.now() - started }
}
