/** An evidence node citing a span of the corpus: its text starts as the quote itself. */
import { addNode, MAP_LIMITS, type MapSnapshot } from '@marginalia/shared';
import type * as Y from 'yjs';
import type { DraggedAnchor } from './anchor-transfer';

export function addEvidenceNode(doc: Y.Doc, userId: string, anchor: DraggedAnchor, position: { x: number; y: number }): string {
  const quote = anchor.exact.replace(/\s+/g, ' ').trim();
  const text = [...quote].length > 280 ? `${[...quote].slice(0, 279).join('')}…` : quote;
  return addNode(doc, userId, {
    kind: 'evidence',
    text: text.slice(0, MAP_LIMITS.textChars),
    x: position.x,
    y: position.y,
    evidence: [{ documentId: anchor.documentId, start: anchor.start, end: anchor.end, exact: anchor.exact, ...(anchor.annotationId ? { annotationId: anchor.annotationId } : {}) }],
  });
}

/** Below everything already on the map: where a node added from elsewhere will be seen. */
export function freeSpotBelow(snapshot: MapSnapshot): { x: number; y: number } {
  if (snapshot.nodes.length === 0) return { x: 0, y: 0 };
  const lowest = Math.max(...snapshot.nodes.map((node) => node.y));
  const left = Math.min(...snapshot.nodes.map((node) => node.x));
  return { x: left, y: lowest + 160 };
}
