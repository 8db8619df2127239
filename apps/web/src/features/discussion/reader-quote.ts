/**
 * A reader deep link pasted into a comment becomes the passage it points at, quoted, with its
 * citation linking back: `/w/<ws>/corpus/<doc>?span=120-180` (or `?p=5`, a whole passage), as
 * the reader's "Copy link" and the search results build them (lib/reader-links.ts). Links to
 * another workspace stay plain links: their text is not ours to show.
 */
import type { DocumentDetail } from '@marginalia/shared';
import { documentPath, parsePassageParam, parseSpanParam, passageNumber } from '../../lib/reader-links';

export interface ReaderDeepLink {
  documentId: string;
  span?: { start: number; end: number };
  passage?: number;
}

const DOCUMENT_PATH = /^\/w\/([0-9a-f-]{36})\/corpus\/([0-9a-f-]{36})$/i;
/** Quotes longer than this are cut (with an ellipsis): a comment quotes, it does not copy. */
const MAX_QUOTE = 600;

export function parseReaderDeepLink(text: string, workspaceId: string): ReaderDeepLink | null {
  let url: URL;
  try {
    url = new URL(text.trim(), window.location.origin);
  } catch {
    return null;
  }
  if (url.origin !== window.location.origin || /\s/.test(text.trim())) return null;
  const match = DOCUMENT_PATH.exec(url.pathname);
  if (!match || match[1]?.toLowerCase() !== workspaceId.toLowerCase()) return null;
  const span = parseSpanParam(url.searchParams.get('span'));
  const passage = parsePassageParam(url.searchParams.get('p'));
  if (!span && passage === undefined) return null;
  return { documentId: match[2] ?? '', ...(span ? { span } : {}), ...(passage !== undefined ? { passage } : {}) };
}

/** The Markdown of the quote: the words as a block quote, then "— Title, ¶5" linking to the place. */
export function quoteMarkdown(workspaceId: string, document: DocumentDetail, link: ReaderDeepLink): string | null {
  const codePoints = Array.from(document.text);
  const passageAt = (offset: number) => document.passages.findIndex((passage) => passage.start <= offset && offset < passage.end);
  let start: number;
  let end: number;
  if (link.span) {
    ({ start, end } = link.span);
  } else {
    const passage = document.passages[(link.passage ?? 1) - 1];
    if (!passage) return null;
    ({ start, end } = passage);
  }
  if (start >= codePoints.length || end <= start) return null;
  let words = codePoints.slice(start, Math.min(end, codePoints.length)).join('').replace(/\s+/g, ' ').trim();
  if (words.length > MAX_QUOTE) words = `${words.slice(0, MAX_QUOTE)}…`;
  const index = passageAt(start);
  const where = index >= 0 ? `, ¶${String(passageNumber(index))}` : '';
  const target = documentPath(workspaceId, document.id, link.span ? { span: link.span } : { passage: link.passage });
  const title = document.title.replace(/[[\]]/g, '');
  return `> ${escapeQuote(words)}\n>\n> — [${title}${where}](${target})\n\n`;
}

/** Keeps the quoted words from turning into Markdown structure (a heading, a list) inside the quote. */
function escapeQuote(words: string): string {
  return words.replace(/([\\`*_[\]<>#])/g, '\\$1');
}
