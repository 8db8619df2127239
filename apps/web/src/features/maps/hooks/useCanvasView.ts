/**
 * This browser's view of the canvas: selection (in the order nodes were picked, so "connect"
 * knows which came first), sizes React Flow measured, and positions of nodes being dragged.
 * Sizes are kept without a re-render: React Flow already has them, and a state update here
 * would re-render every node once more right after the first render of a large map.
 * React Flow's changes arrive here; only finished moves reach the document (one update, one
 * undo step, per drag or arrow key press).
 */
import { moveNodes, type MapSnapshot } from '@marginalia/shared';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { MapFlowEdge, MapFlowNode, NodeSize } from '../canvas/to-flow';

export interface CanvasSelection {
  nodes: string[];
  edges: string[];
}

export const EMPTY_SELECTION: CanvasSelection = { nodes: [], edges: [] };

export function useCanvasView(doc: Y.Doc, snapshot: MapSnapshot, readOnly: boolean) {
  const [rawSelection, setSelection] = useState<CanvasSelection>(EMPTY_SELECTION);
  // Written only by React Flow's dimension changes, read when a flow node is made anew and by commands.
  const [sizes] = useState(() => new Map<string, NodeSize>());
  const [dragging, setDragging] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());

  // A node or edge removed by anyone leaves the selection.
  const selection = useMemo((): CanvasSelection => {
    const nodeIds = new Set(snapshot.nodes.map((node) => node.id));
    const edgeIds = new Set(snapshot.edges.map((edge) => edge.id));
    return { nodes: rawSelection.nodes.filter((id) => nodeIds.has(id)), edges: rawSelection.edges.filter((id) => edgeIds.has(id)) };
  }, [rawSelection, snapshot]);

  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      const moving = new Map<string, { x: number; y: number }>();
      const moved = new Map<string, { x: number; y: number }>();
      const picked: string[] = [];
      const dropped = new Set<string>();
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes.set(change.id, change.dimensions);
        else if (change.type === 'position' && change.position && !readOnly) (change.dragging ? moving : moved).set(change.id, change.position);
        else if (change.type === 'select') {
          if (change.selected) picked.push(change.id);
          else dropped.add(change.id);
        }
      }
      if (moving.size > 0) setDragging((current) => new Map([...current, ...moving]));
      if (moved.size > 0) {
        moveNodes(doc, moved);
        setDragging((current) => new Map([...current].filter(([id]) => !moved.has(id))));
      }
      if (picked.length > 0 || dropped.size > 0) {
        setSelection((current) => ({ ...current, nodes: [...current.nodes.filter((id) => !dropped.has(id) && !picked.includes(id)), ...picked] }));
      }
    },
    [doc, readOnly, sizes],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<MapFlowEdge>[]) => {
    const picked = new Set<string>();
    const dropped = new Set<string>();
    for (const change of changes) {
      if (change.type === 'select') (change.selected ? picked : dropped).add(change.id);
    }
    if (picked.size > 0 || dropped.size > 0) {
      setSelection((current) => ({ ...current, edges: [...current.edges.filter((id) => !dropped.has(id) && !picked.has(id)), ...picked] }));
    }
  }, []);

  return { selection, setSelection, sizes: sizes as ReadonlyMap<string, NodeSize>, dragging, onNodesChange, onEdgesChange };
}
