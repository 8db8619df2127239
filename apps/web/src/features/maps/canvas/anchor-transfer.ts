/**
 * Dragging a passage or a selection onto a map: the reader side panel (and anything else that
 * can cite the corpus) puts the anchor on the DataTransfer under a custom MIME type; the canvas
 * turns a drop of it into an evidence node. Offsets are code points, end exclusive.
 */
export const ANCHOR_MIME = 'application/x-marginalia-anchor';

export interface DraggedAnchor {
  documentId: string;
  start: number;
  end: number;
  exact: string;
  annotationId?: string;
}

export function writeAnchor(dataTransfer: DataTransfer, anchor: DraggedAnchor): void {
  dataTransfer.setData(ANCHOR_MIME, JSON.stringify(anchor));
  dataTransfer.setData('text/plain', anchor.exact);
  dataTransfer.effectAllowed = 'copy';
}

export function carriesAnchor(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes(ANCHOR_MIME);
}

export function readAnchor(dataTransfer: DataTransfer): DraggedAnchor | null {
  try {
    const value = JSON.parse(dataTransfer.getData(ANCHOR_MIME)) as Partial<DraggedAnchor>;
    const { documentId, start, end, exact, annotationId } = value;
    if (typeof documentId !== 'string' || typeof start !== 'number' || typeof end !== 'number' || typeof exact !== 'string' || end <= start) return null;
    return { documentId, start, end, exact, ...(typeof annotationId === 'string' ? { annotationId } : {}) };
  } catch {
    return null;
  }
}
