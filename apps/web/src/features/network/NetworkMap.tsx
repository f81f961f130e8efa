import '@xyflow/react/dist/style.css'
import {
  type Connection,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react'
import { toPng } from 'html-to-image'
import { useEffect, useRef, useState } from 'react'
import { CLOSENESS } from '@hearth/domain'
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

function PersonNode({ data }: NodeProps<Node<{ person: Person; centre?: boolean }>>) {
  const p = data.person
  const shape = p.sex === 'M' ? 'square' : p.sex === 'F' ? 'circle' : 'neutral'
  return (
    <div className={`hearth-map-person${data.centre ? ' hearth-map-person--centre' : ''}`}>
      <Handle type="target" position={Position.Top} />
      <div
        className={`hearth-map-symbol hearth-map-symbol--${shape}${p.expected ? ' hearth-map-symbol--expected' : ''}${p.kind !== 'family' ? ' hearth-map-symbol--other' : ''}`}
      >
        {p.diedYear && <span className="hearth-map-cross" />}
      </div>
      <div className="hearth-map-name">{p.name}</div>
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

function toFlow(view: View, placed: Placed[], links: PlacedLink[], centreId: string | null) {
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
            data: { person: p.person!, centre: view === 'ecomap' && p.id === centreId },
            style: { width: NODE_W, height: NODE_H },
          },
  )
  const edges: Edge[] = links.map((l) => {
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
  onConnect,
  onSelectLink,
  onAddPerson,
}: {
  network: Network
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
      if (live) setFlow({ ...toFlow(view, laid.nodes, laid.links, centreId), ms: laid.ms })
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
  const download = async () => {
    if (!box.current) return
    const url = await toPng(box.current, { backgroundColor: '#ffffff' })
    const a = document.createElement('a')
    a.href = url
    a.download = `hearth-${view === 'genogram' ? 'family-tree' : 'ecomap'}.png`
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
        {view === 'ecomap' &&
          'Thick: close; dashed: distant; dotted: cut off; red: in conflict; arrows: who supports whom.'}
      </p>
      <div
        ref={box}
        className="hearth-map"
        role="img"
        aria-label={summary}
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
            />
          </ReactFlowProvider>
        )}
      </div>
    </section>
  )
}
