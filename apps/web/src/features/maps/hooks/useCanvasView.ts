/**
 * This browser's view of the canvas: selection (in the order nodes were picked, so "connect"
 * knows which came first), sizes React Flow measured, and positions of nodes being dragged.
 * Sizes go back into the nodes React Flow is given (its minimap reads them from there); the
 * nodes' content does not re-render for it (see to-flow.ts).
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
  const [sizes, setSizes] = useState<ReadonlyMap<string, NodeSize>>(new Map());
  const [dragging, setDragging] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());

  // A node or edge removed by anyone leaves the selection.
  const selection = useMemo((): CanvasSelection => {
    const nodeIds = new Set(snapshot.nodes.map((node) => node.id));
    const edgeIds = new Set(snapshot.edges.map((edge) => edge.id));
    return { nodes: rawSelection.nodes.filter((id) => nodeIds.has(id)), edges: rawSelection.edges.filter((id) => edgeIds.has(id)) };
  }, [rawSelection, snapshot]);

  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      const measured = new Map<string, NodeSize>();
      const moving = new Map<string, { x: number; y: number }>();
      const moved = new Map<string, { x: number; y: number }>();
      const picked: string[] = [];
      const dropped = new Set<string>();
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) measured.set(change.id, change.dimensions);
        else if (change.type === 'position' && change.position && !readOnly) (change.dragging ? moving : moved).set(change.id, change.position);
        else if (change.type === 'select') {
          if (change.selected) picked.push(change.id);
          else dropped.add(change.id);
        }
      }
      if (measured.size > 0) setSizes((current) => new Map([...current, ...measured]));
      if (moving.size > 0) setDragging((current) => new Map([...current, ...moving]));
      if (moved.size > 0) {
        moveNodes(doc, moved);
        setDragging((current) => new Map([...current].filter(([id]) => !moved.has(id))));
      }
      if (picked.length > 0 || dropped.size > 0) {
        setSelection((current) => ({ ...current, nodes: [...current.nodes.filter((id) => !dropped.has(id) && !picked.includes(id)), ...picked] }));
      }
    },
    [doc, readOnly],
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

  return { selection, setSelection, sizes, dragging, onNodesChange, onEdgesChange };
}
