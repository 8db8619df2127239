/**
 * Paints code point spans of a passage with the CSS Custom Highlight API: each paint name is one
 * `Highlight` in `CSS.highlights` (styled by `::highlight(name)`), holding StaticRanges over the
 * passage's single text node. Nothing in the DOM changes, so a passage with a thousand
 * overlapping annotations is still one text node, and selection offsets stay trivial.
 * Browsers without the API (older ones) show the text unpainted; the margin still lists it all.
 */
import type { OffsetMap } from '@marginalia/shared';

export interface PaintSpan {
  start: number;
  end: number;
  paint: string;
}

/** Later in this list paints over earlier where spans overlap. */
const PRIORITY: Record<string, number> = { 'reader-attribution': 0, 'reader-hit': 20, 'reader-target': 30 };
const TAG_PRIORITY = 10;

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

function highlightFor(paint: string): Highlight {
  let highlight = CSS.highlights.get(paint);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = PRIORITY[paint] ?? TAG_PRIORITY;
    CSS.highlights.set(paint, highlight);
  }
  return highlight;
}

/**
 * Paints `spans` (document offsets; only what falls in the passage is painted) over `node`, the
 * text of the passage starting at code point `passageStart`. Returns what removes them again.
 */
export function paintPassage(node: Text, map: OffsetMap, passageStart: number, passageEnd: number, spans: readonly PaintSpan[]): () => void {
  if (!supported || spans.length === 0) return () => undefined;
  const base = map.toUtf16(passageStart);
  const painted: Array<[Highlight, StaticRange]> = [];
  for (const span of spans) {
    const start = Math.max(span.start, passageStart);
    const end = Math.min(span.end, passageEnd);
    if (end <= start) continue;
    const range = new StaticRange({ startContainer: node, startOffset: map.toUtf16(start) - base, endContainer: node, endOffset: map.toUtf16(end) - base });
    const highlight = highlightFor(span.paint);
    highlight.add(range);
    painted.push([highlight, range]);
  }
  return () => {
    for (const [highlight, range] of painted) highlight.delete(range);
  };
}
