/**
 * The map snapshot as React Flow sees it. Positions come from the Yjs document, except for
 * nodes being dragged right now (kept locally until the drop commits them, so a drag is one
 * update and one undo step); selection and measured sizes are this browser's own.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
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

export interface LocalView {
  dragging: ReadonlyMap<string, { x: number; y: number }>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  peerSelections: ReadonlyMap<string, PeerMark[]>;
}

/** Last frame's flow nodes, reused while nothing they show changed (React Flow then skips them). */
export type FlowNodeCache = Map<string, { node: MapNode; position: { x: number; y: number }; selected: boolean; measured: unknown; peers: string; flowNode: MapFlowNode }>;

export function toFlowNodes(snapshot: MapSnapshot, view: LocalView, cache: FlowNodeCache): MapFlowNode[] {
  const seen = new Set<string>();
  const flowNodes = snapshot.nodes.map((node) => {
    seen.add(node.id);
    const dragged = view.dragging.get(node.id);
    const selected = view.selectedNodes.has(node.id);
    const measured = view.measured.get(node.id);
    const peerMarks = view.peerSelections.get(node.id) ?? [];
    const peers = peerMarks.map((peer) => `${peer.name}:${peer.color}`).join('|');
    const cached = cache.get(node.id);
    const samePosition = cached && (dragged ? cached.position === dragged : cached.position.x === node.x && cached.position.y === node.y);
    if (cached && cached.node === node && samePosition && cached.selected === selected && cached.measured === measured && cached.peers === peers) return cached.flowNode;
    const position = dragged ?? { x: node.x, y: node.y };
    const flowNode: MapFlowNode = {
      id: node.id,
      type: 'mapNode',
      position,
      data: { node, peers: peerMarks },
      selected,
      measured,
      ariaLabel: `${NODE_KIND_LABELS[node.kind]}: ${nodeTitle(node.text)}`,
      className: `map-node-wrapper map-node-wrapper--${node.kind}`,
    };
    cache.set(node.id, { node, position, selected, measured, peers, flowNode });
    return flowNode;
  });
  for (const id of [...cache.keys()]) if (!seen.has(id)) cache.delete(id);
  return flowNodes;
}

const EDGE_LABEL_LIMIT = 300;

export function toFlowEdges(snapshot: MapSnapshot, view: LocalView): MapFlowEdge[] {
  const titles = new Map(snapshot.nodes.map((node) => [node.id, nodeTitle(node.text).slice(0, 60)]));
  const titleOf = (nodeId: string) => titles.get(nodeId) ?? 'a removed node';
  // Labels cost a measured box each: on large maps only the selected edges carry theirs (the kind also shows as colour and dashes).
  const labelAll = snapshot.edges.length <= EDGE_LABEL_LIMIT;
  return snapshot.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: labelAll || view.selectedEdges.has(edge.id) ? EDGE_KIND_LABELS[edge.kind] : undefined,
    data: { edge },
    selected: view.selectedEdges.has(edge.id),
    className: `map-edge map-edge--${edge.kind}`,
    ariaLabel: `${titleOf(edge.source)} ${EDGE_KIND_LABELS[edge.kind]} ${titleOf(edge.target)}`,
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  }));
}

