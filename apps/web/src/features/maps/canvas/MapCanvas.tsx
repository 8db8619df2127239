/**
 * The map drawn with React Flow: nodes and edges from the Yjs snapshot, this browser's
 * selection and drags, colleagues' cursors and selections from the awareness, and drops of
 * passages from the reader (new evidence nodes). Read-only people can select and look, but
 * nothing they do reaches the document.
 */
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Node, type NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useRef, type DragEvent, type PointerEvent, type RefObject } from 'react';
import type { MapSnapshot } from '@marginalia/shared';
import { useStableCallback } from '../../../lib/use-stable-callback';
import { useMapSession } from '../map-session';
import type { MapPeer } from '../hooks/useMapPresence';
import type { MapCommands } from '../hooks/useMapCommands';
import type { CanvasSelection, useCanvasView } from '../hooks/useCanvasView';
import { carriesAnchor, readAnchor } from './anchor-transfer';
import { addEvidenceNode } from './evidence-node';
import { MapArrowMarker } from './MapArrowMarker';
import { MapNodeView } from './MapNodeView';
import { RemoteCursors } from './RemoteCursors';
import { toFlowEdges, toFlowNodes, type FlowCache, type PeerMark } from './to-flow';

// Every prop below that is an object, array or function is made once: React Flow copies a new
// one into its store on each render, and each store change runs every node's and edge's selector.
const NODE_TYPES: NodeTypes = { mapNode: MapNodeView };
// Fit small maps without blowing them up: a new map's first node stays at its natural size.
const FIT_VIEW = { maxZoom: 1 };
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const ARIA_LABELS = { 'node.a11yDescription.default': 'Press Enter or Space to select this node, Enter again to edit it.' };

function minimapNodeClass(node: Node): string {
  return `map-minimap-node map-minimap-node--${String((node.data as { node?: { kind?: string } }).node?.kind ?? '')}`;
}

interface MapCanvasProps {
  snapshot: MapSnapshot;
  /** Flow objects of the last frame (the editor's, which started React Flow's store with them). */
  flowCache: FlowCache;
  view: ReturnType<typeof useCanvasView>;
  peers: readonly MapPeer[];
  commands: MapCommands;
  canvasRef: RefObject<HTMLDivElement | null>;
  onSelectionChange: (selection: CanvasSelection) => void;
}

export function MapCanvas({ snapshot, flowCache, view, peers, commands, canvasRef, onSelectionChange }: MapCanvasProps) {
  const { doc, userId, readOnly, awareness } = useMapSession();
  const flow = useReactFlow();
  const pendingCursor = useRef<number | null>(null);

  const peerSelections = useMemo(() => {
    const marks = new Map<string, PeerMark[]>();
    for (const peer of peers) {
      for (const id of peer.selection) {
        const current = marks.get(id) ?? [];
        // One person with two tabs (or a reconnection's stale state) is one mark.
        if (!current.some((mark) => mark.name === peer.user.name)) marks.set(id, [...current, { name: peer.user.name, color: peer.user.color }]);
      }
    }
    return marks;
  }, [peers]);

  const localView = useMemo(
    () => ({ dragging: view.dragging, sizes: view.sizes, selectedNodes: new Set(view.selection.nodes), selectedEdges: new Set(view.selection.edges), peerSelections }),
    [view.dragging, view.sizes, view.selection, peerSelections],
  );
  // The cache only ever holds objects equal to what it returns: reading and writing it while rendering is safe.
  const nodes = useMemo(() => toFlowNodes(snapshot, localView, flowCache), [snapshot, localView, flowCache]);
  const edges = useMemo(() => toFlowEdges(snapshot, localView, flowCache), [snapshot, localView, flowCache]);

  useEffect(() => {
    awareness.setLocalStateField('selection', view.selection.nodes);
  }, [awareness, view.selection.nodes]);
  useEffect(() => () => awareness.setLocalStateField('cursor', null), [awareness]);

  function handlePointerMove(event: PointerEvent<HTMLDivElement>) {
    const { clientX, clientY } = event;
    if (pendingCursor.current !== null) return;
    // At most one awareness update per frame.
    pendingCursor.current = window.requestAnimationFrame(() => {
      pendingCursor.current = null;
      const point = flow.screenToFlowPosition({ x: clientX, y: clientY });
      awareness.setLocalStateField('cursor', { x: Math.round(point.x), y: Math.round(point.y) });
    });
  }

  function handleDragOver(event: DragEvent<HTMLDivElement>) {
    if (readOnly || !carriesAnchor(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    if (readOnly) return;
    const anchor = readAnchor(event.dataTransfer);
    if (!anchor) return;
    event.preventDefault();
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const id = addEvidenceNode(doc, userId, anchor, { x: Math.round(point.x - 120), y: Math.round(point.y - 30) });
    onSelectionChange({ nodes: [id], edges: [] });
  }

  const handleConnect = useStableCallback((connection: Connection) => {
    commands.connect(connection.source, connection.target, 'supports');
  });

  return (
    <div
      ref={canvasRef}
      className="map-canvas"
      onPointerMove={handlePointerMove}
      onPointerLeave={() => awareness.setLocalStateField('cursor', null)}
      onDragOver={handleDragOver}
      onDrop={handleDrop}
    >
      <MapArrowMarker />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={view.onNodesChange}
        onEdgesChange={view.onEdgesChange}
        onConnect={handleConnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesFocusable
        nodesFocusable
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        selectionKeyCode="Shift"
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={FIT_VIEW}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background gap={24} />
        <Controls showInteractive={false} aria-label="Zoom" />
        <MiniMap pannable zoomable ariaLabel="Overview of the map" nodeClassName={minimapNodeClass} />
        <RemoteCursors peers={peers} />
      </ReactFlow>
    </div>
  );
}
