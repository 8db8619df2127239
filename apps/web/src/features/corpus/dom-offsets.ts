/**
 * From a DOM selection in the reader to code point offsets in the document. Each passage's
 * text element holds exactly the passage's characters (in order, possibly split into several
 * text nodes by highlights) and says where it starts (data-start, code points). Anything else
 * rendered inside it (labels) is marked data-offset-skip and not counted.
 */
import type { OffsetMap } from '@marginalia/shared';

export const PASSAGE_TEXT_ATTRIBUTE = 'data-passage-text';
const SKIP_SELECTOR = '[data-offset-skip]';

function countedTextNodes(element: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** UTF-16 units of counted text in `element` before the DOM point (container, offset). */
export function unitsBefore(element: HTMLElement, container: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(container, offset);
  let total = 0;
  for (const node of countedTextNodes(element)) {
    if (node === container) return total + offset;
    if (!before.intersectsNode(node)) break;
    total += node.length;
  }
  return total;
}

function passageTextOf(node: Node): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  return element?.closest<HTMLElement>(`[${PASSAGE_TEXT_ATTRIBUTE}]`) ?? null;
}

function passageStart(element: HTMLElement): number {
  return Number(element.dataset.start ?? '0');
}

export interface SelectedSpan {
  start: number;
  end: number;
  quote: string;
}

/**
 * The selected span inside `root`, trimmed of surrounding white space, or null when nothing
 * (or only white space, or nothing inside the passages) is selected.
 */
export function selectedSpan(root: HTMLElement, selection: Selection | null, map: OffsetMap): SelectedSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;

  let first = passageTextOf(range.startContainer);
  let last = passageTextOf(range.endContainer);
  // A selection may begin or end in a margin: fall back to the passages it crosses.
  if (!first || !last) {
    const crossed = [...root.querySelectorAll<HTMLElement>(`[${PASSAGE_TEXT_ATTRIBUTE}]`)].filter((element) => range.intersectsNode(element));
    first ??= crossed[0] ?? null;
    last ??= crossed[crossed.length - 1] ?? null;
  }
  if (!first || !last) return null;

  const startUnits = first.contains(range.startContainer) ? unitsBefore(first, range.startContainer, range.startOffset) : 0;
  const endUnits = last.contains(range.endContainer)
    ? unitsBefore(last, range.endContainer, range.endOffset)
    : countedTextNodes(last).reduce((sum, node) => sum + node.length, 0);
  let start = map.toCodePoint(map.toUtf16(passageStart(first)) + startUnits);
  let end = map.toCodePoint(map.toUtf16(passageStart(last)) + endUnits);
  if (end <= start) return null;

  const raw = map.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trailing = raw.length - raw.trimEnd().length;
  // White space is never a surrogate pair: trimming units and code points is the same here.
  start += leading;
  end -= trailing;
  if (end <= start) return null;
  return { start, end, quote: map.slice(start, end) };
}

/**
 * Selects the document's code points [start, end) in the rendered passages (both ends must be
 * in passages on screen; the list is virtual). For keyboard selection, which browsers do not
 * offer outside editable text. Returns false when an end is not rendered.
 */
export function selectCodePoints(root: HTMLElement, map: OffsetMap, start: number, end: number): boolean {
  const texts = [...root.querySelectorAll<HTMLElement>(`[${PASSAGE_TEXT_ATTRIBUTE}]`)];
  const locate = (offset: number, preferEnd: boolean): [Node, number] | null => {
    for (const element of preferEnd ? texts.slice().reverse() : texts) {
      const node = element.firstChild;
      if (!(node instanceof Text)) continue;
      const units = map.toUtf16(offset) - map.toUtf16(passageStart(element));
      if (units >= 0 && units <= node.length) return [node, units];
    }
    return null;
  };
  const from = locate(start, false);
  const to = locate(end, true);
  const selection = document.getSelection();
  if (!from || !to || !selection) return false;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
