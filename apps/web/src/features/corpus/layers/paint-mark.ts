/**
 * Marks on the page's performance timeline when the reader has first painted a document with
 * every layer's highlights: 'annotations-registered' once the CSS highlights are set (in the
 * commit that renders them), 'annotations-painted' after the frame that draws them (a task
 * queued from the next animation frame runs after that frame's paint). `pnpm bench:tagging`
 * and the browser's performance panel read them; startTime counts from navigation start.
 */
export const PAINTED_MARK = 'annotations-painted';

export function markLayersPainted(documentId: string): void {
  const detail = { documentId };
  performance.mark('annotations-registered', { detail });
  requestAnimationFrame(() => {
    setTimeout(() => {
      performance.mark(PAINTED_MARK, { detail });
    }, 0);
  });
}
