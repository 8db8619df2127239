/**
 * The code point span of the text selected among the side panel's passages. Each passage is
 * rendered as one text node inside an element carrying its start offset (`data-start`), so a
 * DOM offset (UTF-16 units into that node) converts by counting code points before it.
 */
import type { DraggedAnchor } from '../canvas/anchor-transfer';

function offsetIn(node: Node, units: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const holder = element?.closest<HTMLElement>('[data-start]');
  if (!holder) return null;
  const text = holder.textContent ?? '';
  const before = node.nodeType === Node.TEXT_NODE ? text.slice(0, units) : units === 0 ? '' : text;
  return Number(holder.dataset.start) + [...before].length;
}

export function selectedAnchor(root: HTMLElement, documentId: string, documentCodePoints: readonly string[]): DraggedAnchor | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  let start = offsetIn(range.startContainer, range.startOffset);
  let end = offsetIn(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  while (start < end && /\s/.test(documentCodePoints[start] ?? '')) start += 1;
  while (end > start && /\s/.test(documentCodePoints[end - 1] ?? '')) end -= 1;
  if (end <= start) return null;
  return { documentId, start, end, exact: documentCodePoints.slice(start, end).join('') };
}
