/**
 * Copy and paste of part of a map: the selected nodes and the edges between them, pasted with
 * new ids (the copy is a new argument, not the same nodes twice), shifted so they show.
 * Kept in memory and, as JSON, on the system clipboard so it also works between tabs.
 */
import { addEdge, addNode, newElementId, type MapEdge, type MapNode } from '@marginalia/shared';
import type * as Y from 'yjs';

export const MAP_CLIPBOARD_MIME = 'application/x-marginalia-map-fragment';

export interface MapFragment {
  nodes: MapNode[];
  edges: MapEdge[];
}

export function copyFragment(nodes: readonly MapNode[], edges: readonly MapEdge[], selected: ReadonlySet<string>): MapFragment {
  return {
    nodes: nodes.filter((node) => selected.has(node.id)),
    edges: edges.filter((edge) => selected.has(edge.source) && selected.has(edge.target)),
  };
}

export function parseFragment(text: string): MapFragment | null {
  try {
    const value = JSON.parse(text) as Partial<MapFragment> & { kind?: unknown };
    if (value.kind !== MAP_CLIPBOARD_MIME || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
    return { nodes: value.nodes, edges: value.edges };
  } catch {
    return null;
  }
}

export function serializeFragment(fragment: MapFragment): string {
  return JSON.stringify({ kind: MAP_CLIPBOARD_MIME, ...fragment });
}

/** Pastes in one transaction (one undo step); returns the new nodes' ids. */
export function pasteFragment(doc: Y.Doc, userId: string, fragment: MapFragment, offset: { x: number; y: number }): string[] {
  const newIds = new Map(fragment.nodes.map((node) => [node.id, newElementId()]));
  doc.transact(() => {
    for (const node of fragment.nodes) {
      addNode(
        doc,
        userId,
        {
          kind: node.kind,
          text: node.text,
          details: node.details,
          x: node.x + offset.x,
          y: node.y + offset.y,
          confidence: node.confidence,
          actors: node.actors,
          evidence: node.evidence.map(({ documentId, start, end, exact, annotationId }) => ({ documentId, start, end, exact, ...(annotationId ? { annotationId } : {}) })),
        },
        newIds.get(node.id),
      );
    }
    for (const edge of fragment.edges) {
      const source = newIds.get(edge.source);
      const target = newIds.get(edge.target);
      if (source && target) addEdge(doc, userId, { kind: edge.kind, source, target });
    }
  });
  return [...newIds.values()];
}
