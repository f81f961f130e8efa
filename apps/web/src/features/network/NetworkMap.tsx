import '@xyflow/react/dist/style.css'
import {
  type Connection,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react'
import { toPng } from 'html-to-image'
import { useEffect, useRef, useState } from 'react'
import { CLOSENESS, CONTACT_SAFE } from '@hearth/domain/network'
import type { Link, Network, Person } from './network-api'
import { ecomapLayout, genogramLayout, NODE_H, NODE_W, type Placed, type PlacedLink } from './layout'

type View = 'genogram' | 'ecomap'

/** Closeness as a line: thick for close, dashed for distant, dotted for cut off, red for conflict. */
const LINE: Record<string, React.CSSProperties> = {
  close: { stroke: '#0b0c0c', strokeWidth: 5 },
  ordinary: { stroke: '#0b0c0c', strokeWidth: 2 },
  distant: { stroke: '#505a5f', strokeWidth: 2, strokeDasharray: '8 6' },
  cut_off: { stroke: '#505a5f', strokeWidth: 2, strokeDasharray: '2 7' },
  conflict: { stroke: '#d4351c', strokeWidth: 3, strokeDasharray: '12 4 3 4' },
}

/** Contact not safe: red, thick, broken by crosses; supervised: amber, dashed. Over closeness. */
const NOT_SAFE: React.CSSProperties = { stroke: '#d4351c', strokeWidth: 5, strokeDasharray: '14 4 2 4' }
const SUPERVISED: React.CSSProperties = { stroke: '#f47738', strokeWidth: 4, strokeDasharray: '10 5' }

/** "Not safe" (or "Supervised contact") for a line whose contact is so recorded; else nothing. */
export function contactWords(link: Pick<Link, 'contactSafe'>): string | null {
  if (link.contactSafe === 'no') return CONTACT_SAFE.no
  if (link.contactSafe === 'supervised') return 'Supervised contact'
  return null
}

/** Each line whose contact is not safe or only supervised, in words: "Eric Quillby and Dana: not safe". */
export function contactSummary(network: Network): string[] {
  const name = (id: string) => network.people.find((p) => p.id === id)?.name ?? 'someone'
  return network.links
    .filter((l) => contactWords(l))
    .sort((a, b) => (a.contactSafe === 'no' ? 0 : 1) - (b.contactSafe === 'no' ? 0 : 1))
    .map((l) => `${name(l.fromId)} and ${name(l.toId)}: ${contactWords(l)!.toLowerCase()}`)
}

type PersonData = { person: Person; centre?: boolean; notSafe?: boolean }

function PersonNode({ data }: NodeProps<Node<PersonData>>) {
  const p = data.person
  const shape = p.sex === 'M' ? 'square' : p.sex === 'F' ? 'circle' : 'neutral'
  const classes = ['hearth-map-person']
  if (data.centre) classes.push('hearth-map-person--centre')
  if (data.notSafe) classes.push('hearth-map-person--not-safe')
  return (
    <div className={classes.join(' ')}>
      <Handle type="target" position={Position.Top} />
      <div
        className={`hearth-map-symbol hearth-map-symbol--${shape}${p.expected ? ' hearth-map-symbol--expected' : ''}${p.kind !== 'family' ? ' hearth-map-symbol--other' : ''}`}
      >
        {p.diedYear && <span className="hearth-map-cross" />}
      </div>
      <div className="hearth-map-name">{p.name}</div>
      {data.notSafe && <div className="hearth-map-not-safe">Not safe</div>}
      <div className="hearth-map-years">
        {p.role ?? ''}
        {p.bornYear ? ` ${p.bornYear}${p.diedYear ? `–${p.diedYear}` : ''}` : p.diedYear ? ` died ${p.diedYear}` : ''}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  )
}
const UnionNode = () => (
  <div className="hearth-map-union">
    <Handle type="target" position={Position.Top} />
    <Handle type="source" position={Position.Bottom} />
  </div>
)
const HouseholdNode = ({ data }: NodeProps<Node<{ width: number; height: number }>>) => (
  <div className="hearth-map-household" style={{ width: data.width, height: data.height }}>
    <span>Household</span>
  </div>
)
const nodeTypes = { person: PersonNode, union: UnionNode, household: HouseholdNode }

function toFlow(view: View, placed: Placed[], links: PlacedLink[], centreId: string | null, network: Network) {
  // the person a "not safe" line joins to a child is marked on the drawing too
  const children = new Set(network.people.filter((p) => p.childId).map((p) => p.id))
  const unsafe = new Set(
    network.links
      .filter((l) => l.contactSafe === 'no')
      .flatMap((l) => (children.has(l.toId) ? [l.fromId] : children.has(l.fromId) ? [l.toId] : [])),
  )
  const nodes: Node[] = placed.map((p) =>
    p.kind === 'household'
      ? {
          id: p.id,
          type: 'household',
          position: { x: p.x, y: p.y },
          data: { width: p.width, height: p.height },
          selectable: false,
          draggable: false,
          connectable: false,
          zIndex: -1,
        }
      : p.kind === 'union'
        ? { id: p.id, type: 'union', position: { x: p.x, y: p.y }, data: {}, connectable: false, selectable: false }
        : {
            id: p.id,
            type: 'person',
            position: { x: p.x, y: p.y },
            data: {
              person: p.person!,
              centre: view === 'ecomap' && p.id === centreId,
              notSafe: unsafe.has(p.id),
            },
            style: { width: NODE_W, height: NODE_H },
          },
  )
  // the family tree draws parents and partners; a "not safe" or "supervised" line between two
  // people it shows is drawn over it as well, so the danger is on the picture whatever the kind
  const drawn = new Set(placed.filter((p) => p.kind === 'person').map((p) => p.id))
  const shown = new Set(links.flatMap((l) => (l.link && contactWords(l.link) ? [l.link.id] : [])))
  const extra: PlacedLink[] =
    view === 'genogram'
      ? network.links
          .filter((l) => contactWords(l) && !shown.has(l.id) && drawn.has(l.fromId) && drawn.has(l.toId))
          .map((l) => ({ id: `contact:${l.id}`, source: l.fromId, target: l.toId, kind: 'link' as const, link: l }))
      : []
  const edges: Edge[] = [...links, ...extra].map((l): Edge => {
    const warn = l.link ? contactWords(l.link) : null
    if (warn) {
      const style = l.link!.contactSafe === 'no' ? NOT_SAFE : SUPERVISED
      const closeness = l.kind === 'link' ? CLOSENESS[l.link!.closeness] : null
      return {
        id: l.id,
        source: l.source,
        target: l.target,
        type: l.kind === 'child' ? 'smoothstep' : 'straight',
        label: closeness ? `${warn} (${closeness.toLowerCase()})` : warn,
        labelStyle: { fill: style.stroke as string, fontWeight: 700 },
        style,
        data: { linkId: l.link!.id },
      }
    }
    if (l.kind === 'partner')
      return {
        id: l.id,
        source: l.source,
        target: l.target,
        type: 'straight',
        label: l.label,
        style: { stroke: '#0b0c0c', strokeWidth: 2, strokeDasharray: l.label ? '6 4' : undefined },
        data: { linkId: l.link?.id },
      }
    if (l.kind === 'child')
      return { id: l.id, source: l.source, target: l.target, type: 'smoothstep', style: { stroke: '#0b0c0c' } }
    const link = l.link!
    const arrow = { type: MarkerType.ArrowClosed, color: LINE[link.closeness]?.stroke as string }
    return {
      id: l.id,
      source: l.source,
      target: l.target,
      type: 'straight',
      label: CLOSENESS[link.closeness],
      style: LINE[link.closeness],
      markerEnd: link.support === 'from_to' || link.support === 'both' ? arrow : undefined,
      markerStart: link.support === 'to_from' || link.support === 'both' ? arrow : undefined,
      data: { linkId: link.id },
    }
  })
  return { nodes, edges }
}

/**
 * The network drawn: a family tree (genogram) or the child at the centre of everyone around them
 * (ecomap). For screen readers it is an image with a summary; the list below says the same in
 * words. Drag from one person to another to record how they are related; choose a line to change
 * how close they are.
 */
export function NetworkMap({
  network,
  familyName = '',
  onConnect,
  onSelectLink,
  onAddPerson,
}: {
  network: Network
  /** Named, with today's date, on the drawing and its download: a picture taken to a meeting says whose and when. */
  familyName?: string
  onConnect: (fromId: string, toId: string) => void
  onSelectLink: (link: Link) => void
  onAddPerson: () => void
}) {
  const [view, setView] = useState<View>('genogram')
  const children = network.people.filter((p) => p.childId)
  const [centreId, setCentreId] = useState<string | null>(children[0]?.id ?? network.people[0]?.id ?? null)
  const [flow, setFlow] = useState<{ nodes: Node[]; edges: Edge[]; ms: number } | null>(null)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let live = true
    const run = async () => {
      const laid = view === 'genogram' ? await genogramLayout(network) : ecomapLayout(network, centreId ?? '')
      if (live) setFlow({ ...toFlow(view, laid.nodes, laid.links, centreId, network), ms: laid.ms })
    }
    void run()
    return () => {
      live = false
    }
  }, [network, view, centreId])
  const family = network.people.filter((p) => p.kind === 'family')
  const rows = new Set(family.map((p) => p.generation)).size
  const summary =
    view === 'genogram'
      ? `Family tree of ${family.length} people over ${rows} generation${rows === 1 ? '' : 's'}. The same is listed in words below.`
      : `Ecomap: ${network.people.find((p) => p.id === centreId)?.name ?? 'the child'} at the centre, with ${network.people.length - 1} people around them and ${network.links.length} relationships. The same is listed in words below.`
  const dangers = contactSummary(network)
  const described = dangers.length ? `${summary} Contact: ${dangers.join('; ')}.` : summary
  const today = new Date().toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  })
  const what = view === 'genogram' ? 'Family tree' : 'Ecomap'
  const title = `${familyName ? `${familyName}: ` : ''}${what.toLowerCase()}, ${today}`
  const download = async () => {
    if (!box.current) return
    const url = await toPng(box.current, { backgroundColor: '#ffffff' })
    const a = document.createElement('a')
    a.href = url
    // "Oakridge family - family tree - 7 December 2026.png": whose, what and when
    a.download = `${[familyName, what.toLowerCase(), today]
      .filter(Boolean)
      .join(' - ')
      .replace(/[\\/:*?"<>|]/g, '')}.png`
    a.click()
  }
  const byEdge = (edge: Edge) => {
    const id = (edge.data as { linkId?: string } | undefined)?.linkId
    const link = network.links.find((l) => l.id === id)
    if (link) onSelectLink(link)
  }
  return (
    <section aria-labelledby="network-map" className="hearth-map-section">
      <h2 className="govuk-heading-m" id="network-map">
        Drawn
      </h2>
      <div className="govuk-button-group hearth-no-print">
        <button
          type="button"
          className={`govuk-button${view === 'genogram' ? '' : ' govuk-button--secondary'}`}
          aria-pressed={view === 'genogram'}
          onClick={() => setView('genogram')}
        >
          Family tree
        </button>
        <button
          type="button"
          className={`govuk-button${view === 'ecomap' ? '' : ' govuk-button--secondary'}`}
          aria-pressed={view === 'ecomap'}
          onClick={() => setView('ecomap')}
        >
          Ecomap
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onAddPerson}>
          Add someone
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void download()}>
          Download as an image
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {view === 'ecomap' && children.length > 1 && (
        <div className="govuk-form-group hearth-no-print">
          <label className="govuk-label" htmlFor="ecomap-centre">
            At the centre
          </label>
          <select
            className="govuk-select"
            id="ecomap-centre"
            value={centreId ?? ''}
            onChange={(e) => setCentreId(e.target.value)}
          >
            {children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="govuk-body-s hearth-secondary hearth-no-print">
        Drag from one person to another to record how they are related; choose a line to change how close they are.{' '}
      </p>
      <div
        ref={box}
        className="hearth-map"
        role="img"
        aria-label={described}
        data-view={view}
        data-layout-ms={flow ? flow.ms.toFixed(1) : undefined}
      >
        {flow && (
          <ReactFlowProvider>
            <ReactFlow
              key={`${view}:${centreId}`}
              nodes={flow.nodes}
              edges={flow.edges}
              nodeTypes={nodeTypes}
              fitView
              minZoom={0.2}
              nodesDraggable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              onConnect={(c: Connection) => {
                if (c.source && c.target && c.source !== c.target) onConnect(c.source, c.target)
              }}
              onEdgeClick={(_, edge) => byEdge(edge)}
              proOptions={{ hideAttribution: true }}
            >
              {/* the key is read, never touched: a drag or a click over it reaches the drawing beneath */}
              <Panel position="top-left" style={{ pointerEvents: 'none' }}>
                <MapLegend view={view} dangers={dangers.length > 0} title={title} />
              </Panel>
              <Refit nodes={flow.nodes} />
            </ReactFlow>
          </ReactFlowProvider>
        )}
      </div>
    </section>
  )
}

/**
 * Fits the drawing to its frame again whenever what is drawn changes (a person or relationship
 * added, the view or the child at the centre switched), so nobody drops out of the frame.
 */
function Refit({ nodes }: { nodes: Node[] }) {
  const { fitView } = useReactFlow()
  // only when the drawing changes shape: a line changed keeps everyone where they are
  const shape = nodes.map((n) => `${n.id}@${Math.round(n.position.x)},${Math.round(n.position.y)}`).join('|')
  const fitted = useRef(shape)
  useEffect(() => {
    // the first fit is React Flow's own (the `fitView` prop), once the people are measured
    if (shape === fitted.current) return
    fitted.current = shape
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void fitView())
    })
    return () => cancelAnimationFrame(frame)
  }, [shape, fitView])
  return null
}

/** What the lines mean, on the drawing itself (so on the image downloaded and on paper too). */
function MapLegend({ view, dangers, title }: { view: View; dangers: boolean; title: string }) {
  const line = (style: React.CSSProperties) => (
    <svg width="36" height="10" aria-hidden="true" focusable="false">
      <line x1="0" y1="5" x2="36" y2="5" {...svgStyle(style)} />
    </svg>
  )
  return (
    <div className="hearth-map-legend" data-testid="map-legend">
      <p className="hearth-map-legend__name" data-testid="map-name">
        {title}
      </p>
      <p className="hearth-map-legend__title">Key</p>
      <ul>
        <li>
          {line(NOT_SAFE)} <strong>Not safe</strong>: contact not safe
        </li>
        <li>{line(SUPERVISED)} Supervised contact only</li>
        {view === 'ecomap' && (
          <>
            <li>{line(LINE.close!)} Close</li>
            <li>{line(LINE.distant!)} Distant</li>
            <li>{line(LINE.cut_off!)} Cut off</li>
            <li>{line(LINE.conflict!)} In conflict</li>
            <li>Arrow: who supports whom</li>
          </>
        )}
      </ul>
      {!dangers && <p className="hearth-map-legend__none">No contact recorded as not safe.</p>}
    </div>
  )
}

const svgStyle = (s: React.CSSProperties) => ({
  stroke: s.stroke as string,
  strokeWidth: Number(s.strokeWidth ?? 2),
  strokeDasharray: s.strokeDasharray as string | undefined,
})
