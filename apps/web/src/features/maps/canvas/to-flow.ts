/**
 * The map snapshot as React Flow sees it. Positions come from the Yjs document, except for
 * nodes being dragged right now (kept locally until the drop commits them, so a drag is one
 * update and one undo step); selection and measured sizes are this browser's own.
 *
 * Invariant: a node or edge whose inputs did not change keeps its flow object, and a node's
 * `data` keeps its object while the map node and its peer marks are the same. React Flow then
 * skips it, and the memoised node view skips its render: on a 1,000-node map a drag, a
 * selection or a remote edit re-renders the parts it touched, not the whole canvas.
 */
import type { Edge, Node } from '@xyflow/react';
import type { MapEdge, MapNode, MapSnapshot } from '@marginalia/shared';
import { EDGE_KIND_LABELS, NODE_KIND_LABELS, nodeTitle } from './map-labels';

export interface PeerMark {
  name: string;
  color: string;
}

export interface MapNodeData extends Record<string, unknown> {
  node: MapNode;
  /** Colleagues who have this node selected. */
  peers: PeerMark[];
}

export type MapFlowNode = Node<MapNodeData, 'mapNode'>;
export type MapFlowEdge = Edge<{ edge: MapEdge }>;

export type NodeSize = { width: number; height: number };

export interface LocalView {
  dragging: ReadonlyMap<string, { x: number; y: number }>;
  /** Sizes React Flow measured: a node made anew without one would be measured again. */
  sizes: ReadonlyMap<string, NodeSize>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  peerSelections: ReadonlyMap<string, PeerMark[]>;
}

interface CachedNode {
  node: MapNode;
  position: { x: number; y: number };
  selected: boolean;
  measured: NodeSize | undefined;
  peers: string;
  flowNode: MapFlowNode;
}

interface CachedEdge {
  edge: MapEdge;
  selected: boolean;
  labelled: boolean;
  source: MapNode | undefined;
  target: MapNode | undefined;
  flowEdge: MapFlowEdge;
}

/** Last frame's flow objects by id, reused while nothing they show changed. */
export interface FlowCache {
  nodes: Map<string, CachedNode>;
  edges: Map<string, CachedEdge>;
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map() };
}

const NOTHING_LOCAL: LocalView = { dragging: new Map(), sizes: new Map(), selectedNodes: new Set(), selectedEdges: new Set(), peerSelections: new Map() };

/**
 * The map as first drawn (nothing selected, dragged or measured yet), for React Flow's store to
 * start with: the canvas then mounts with its nodes in one pass, instead of mounting empty and
 * adding a thousand nodes to it. Through the same cache, so the canvas's first frame reuses them.
 */
export function initialFlow(snapshot: MapSnapshot, cache: FlowCache): { nodes: MapFlowNode[]; edges: MapFlowEdge[] } {
  return { nodes: toFlowNodes(snapshot, NOTHING_LOCAL, cache), edges: toFlowEdges(snapshot, NOTHING_LOCAL, cache) };
}

export function toFlowNodes(snapshot: MapSnapshot, view: LocalView, cache: FlowCache): MapFlowNode[] {
  const seen = new Set<string>();
  const flowNodes = snapshot.nodes.map((node) => {
    seen.add(node.id);
    const dragged = view.dragging.get(node.id);
    const selected = view.selectedNodes.has(node.id);
    const measured = view.sizes.get(node.id);
    const peerMarks = view.peerSelections.get(node.id) ?? NO_PEERS;
    const peers = peerMarks.length === 0 ? '' : peerMarks.map((peer) => `${peer.name}:${peer.color}`).join('|');
    const cached = cache.nodes.get(node.id);
    const samePosition = cached && (dragged ? cached.position === dragged : cached.position.x === node.x && cached.position.y === node.y);
    if (cached && cached.node === node && samePosition && cached.selected === selected && cached.measured === measured && cached.peers === peers) return cached.flowNode;
    const position = dragged ?? { x: node.x, y: node.y };
    const data = cached && cached.node === node && cached.peers === peers ? cached.flowNode.data : { node, peers: peerMarks };
    const flowNode: MapFlowNode = {
      id: node.id,
      type: 'mapNode',
      position,
      data,
      selected,
      measured,
      ariaLabel: `${NODE_KIND_LABELS[node.kind]}: ${nodeTitle(node.text)}`,
      className: `map-node-wrapper map-node-wrapper--${node.kind}`,
    };
    cache.nodes.set(node.id, { node, position, selected, measured, peers, flowNode });
    return flowNode;
  });
  forgetUnseen(cache.nodes, seen);
  return flowNodes;
}

const NO_PEERS: PeerMark[] = [];
const EDGE_LABEL_LIMIT = 300;
/** One arrowhead for every link (MapArrowMarker draws it): React Flow then keeps no marker per edge. */
export const MAP_ARROW_MARKER_ID = 'map-arrow';

export function toFlowEdges(snapshot: MapSnapshot, view: LocalView, cache: FlowCache): MapFlowEdge[] {
  const nodes = new Map(snapshot.nodes.map((node) => [node.id, node]));
  const titleOf = (node: MapNode | undefined) => (node ? nodeTitle(node.text).slice(0, 60) : 'a removed node');
  // Labels cost a measured box each: on large maps only the selected edges carry theirs (the kind also shows as colour and dashes).
  const labelAll = snapshot.edges.length <= EDGE_LABEL_LIMIT;
  const seen = new Set<string>();
  const flowEdges = snapshot.edges.map((edge) => {
    seen.add(edge.id);
    const selected = view.selectedEdges.has(edge.id);
    const labelled = labelAll || selected;
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    const cached = cache.edges.get(edge.id);
    if (cached && cached.edge === edge && cached.selected === selected && cached.labelled === labelled && cached.source === source && cached.target === target) return cached.flowEdge;
    const flowEdge: MapFlowEdge = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: labelled ? EDGE_KIND_LABELS[edge.kind] : undefined,
      data: { edge },
      selected,
      className: `map-edge map-edge--${edge.kind}`,
      ariaLabel: `${titleOf(source)} ${EDGE_KIND_LABELS[edge.kind]} ${titleOf(target)}`,
      markerEnd: MAP_ARROW_MARKER_ID,
    };
    cache.edges.set(edge.id, { edge, selected, labelled, source, target, flowEdge });
    return flowEdge;
  });
  forgetUnseen(cache.edges, seen);
  return flowEdges;
}

function forgetUnseen(cache: Map<string, unknown>, seen: ReadonlySet<string>): void {
  if (cache.size === seen.size) return;
  for (const id of [...cache.keys()]) if (!seen.has(id)) cache.delete(id);
}
