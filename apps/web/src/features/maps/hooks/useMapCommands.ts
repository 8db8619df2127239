/**
 * Every action on the map, shared by the toolbar buttons and the keyboard shortcuts so both
 * do exactly the same thing. Each is one map-edits transaction (one update, one undo step).
 */
import { addEdge, addNode, moveNodes, removeEdges, removeNodes, type MapEdgeKind, type MapNodeKind, type MapSnapshot } from '@marginalia/shared';
import { useReactFlow } from '@xyflow/react';
import { useRef, type RefObject } from 'react';
import { useStableCallback } from '../../../lib/use-stable-callback';
import { layeredLayout } from '../canvas/auto-layout';
import { copyFragment, pasteFragment, parseFragment, serializeFragment, type MapFragment } from '../canvas/map-clipboard';
import { useMapSession } from '../map-session';
import type { CanvasSelection } from './useCanvasView';
import type { MapUndo } from './useMapUndo';

/** The first place at or below `wanted` that no node's corner is close to, so new nodes do not hide each other. */
function freeSpotNear(snapshot: MapSnapshot, wanted: { x: number; y: number }): { x: number; y: number } {
  const spot = { ...wanted };
  for (let tries = 0; tries < 50 && snapshot.nodes.some((node) => Math.abs(node.x - spot.x) < 200 && Math.abs(node.y - spot.y) < 90); tries += 1) spot.y += 110;
  return spot;
}

interface CommandContext {
  snapshot: MapSnapshot;
  selection: CanvasSelection;
  setSelection: (selection: CanvasSelection) => void;
  /** Sizes React Flow measured (current, though reading them re-renders nothing). */
  sizes: ReadonlyMap<string, { width: number; height: number }>;
  undo: MapUndo;
  canvasRef: RefObject<HTMLDivElement | null>;
  /** Moves focus to the inspector's text field, to write the node's words. */
  editNode: () => void;
}

export type MapCommands = ReturnType<typeof useMapCommands>;

export function useMapCommands({ snapshot, selection, setSelection, sizes, undo, canvasRef, editNode }: CommandContext) {
  const { doc, userId, readOnly } = useMapSession();
  const flow = useReactFlow();
  const clipboard = useRef<MapFragment | null>(null);

  const viewportCentre = () => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  };

  const focusNode = useStableCallback((nodeId: string) => {
    const node = snapshot.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) return;
    setSelection({ nodes: [nodeId], edges: [] });
    const size = sizes.get(nodeId) ?? { width: 240, height: 90 };
    void flow.setCenter(node.x + size.width / 2, node.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
    // After React Flow has rendered the selection.
    window.requestAnimationFrame(() => canvasRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)?.focus());
  });

  const addNodeOfKind = useStableCallback((kind: MapNodeKind) => {
    if (readOnly) return;
    const centre = viewportCentre();
    const spot = freeSpotNear(snapshot, { x: Math.round(centre.x - 120), y: Math.round(centre.y - 40) });
    const id = addNode(doc, userId, { kind, text: '', ...spot });
    setSelection({ nodes: [id], edges: [] });
    window.requestAnimationFrame(editNode);
  });

  const deleteSelection = useStableCallback(() => {
    if (readOnly || (selection.nodes.length === 0 && selection.edges.length === 0)) return;
    doc.transact(() => {
      removeEdges(doc, selection.edges);
      removeNodes(doc, selection.nodes);
    });
    setSelection({ nodes: [], edges: [] });
  });

  /** The first node picked to each of the others: "these support that" is picked that first. */
  const connectSelection = useStableCallback((kind: MapEdgeKind) => {
    const [target, ...sources] = selection.nodes;
    if (readOnly || !target || sources.length === 0) return;
    const ids: string[] = [];
    doc.transact(() => {
      for (const source of sources) ids.push(addEdge(doc, userId, { kind, source, target }));
    });
    setSelection({ nodes: [], edges: ids });
  });

  const connect = useStableCallback((source: string, target: string, kind: MapEdgeKind) => {
    if (readOnly || source === target) return;
    const id = addEdge(doc, userId, { kind, source, target });
    setSelection({ nodes: [], edges: [id] });
  });

  const copy = useStableCallback(() => {
    if (selection.nodes.length === 0) return;
    const fragment = copyFragment(snapshot.nodes, snapshot.edges, new Set(selection.nodes));
    clipboard.current = fragment;
    navigator.clipboard?.writeText(serializeFragment(fragment)).catch(() => {
      // Without clipboard permission the copy stays within this tab, which is enough.
    });
  });

  const paste = useStableCallback(async () => {
    if (readOnly) return;
    let fragment = clipboard.current;
    try {
      const text = await navigator.clipboard?.readText();
      fragment = (text ? parseFragment(text) : null) ?? fragment;
    } catch {
      // Reading the clipboard may be refused; the copy made in this tab is used then.
    }
    if (!fragment || fragment.nodes.length === 0) return;
    const ids = pasteFragment(doc, userId, fragment, { x: 40, y: 40 });
    clipboard.current = { nodes: fragment.nodes.map((node) => ({ ...node, x: node.x + 40, y: node.y + 40 })), edges: fragment.edges };
    setSelection({ nodes: ids, edges: [] });
  });

  const layingOut = useRef(false);
  const layout = useStableCallback(async () => {
    if (readOnly || layingOut.current || snapshot.nodes.length === 0) return;
    layingOut.current = true;
    try {
      const positions = await layeredLayout(snapshot, sizes);
      moveNodes(doc, positions);
      window.requestAnimationFrame(() => void flow.fitView({ duration: 300 }));
    } finally {
      layingOut.current = false;
    }
  });

  const nudge = useStableCallback((dx: number, dy: number) => {
    if (readOnly || selection.nodes.length === 0) return;
    const chosen = new Set(selection.nodes);
    moveNodes(doc, new Map(snapshot.nodes.filter((node) => chosen.has(node.id)).map((node) => [node.id, { x: node.x + dx, y: node.y + dy }])));
  });

  return { addNodeOfKind, deleteSelection, connectSelection, connect, copy, paste, layout, focusNode, nudge, undo: undo.undo, redo: undo.redo };
}
