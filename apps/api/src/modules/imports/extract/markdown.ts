/**
 * Markdown to the text a reader sees: headings and list items as lines of their own,
 * paragraphs separated by blank lines, links as their text, no markup. Code stays verbatim.
 */
import { decodeHTML } from 'entities';
import { lexer, type Token, type Tokens } from 'marked';
import { decodeText } from './decode-text.js';
import type { ExtractedDocument } from './extracted-document.js';
import { oneLine } from './metadata-values.js';

export function extractMarkdown(bytes: Uint8Array, charset: string | null): ExtractedDocument {
  const tokens = lexer(withoutEmphasisFloods(decodeText(bytes, charset).text));
  const heading = tokens.find((token): token is Tokens.Heading => token.type === 'heading' && token.depth === 1);
  return { text: blocksToText(tokens).join('\n\n'), title: heading ? oneLine(inlineText(heading.tokens)) : null };
}

export function markdownToText(source: string): string {
  return blocksToText(lexer(withoutEmphasisFloods(source))).join('\n\n');
}

/** More emphasis markers than this in one block (text between blank lines) are taken out before parsing. */
const MAX_EMPHASIS_MARKERS = 1_000;

/**
 * marked looks for the closing marker of every opening one across the rest of the block: a
 * block of 40,000 markers ("_a_a_a...") takes it tens of seconds. No real text has that many
 * in one paragraph, so there they are dropped, as formatting (which is what a reader sees of
 * them). Kept as characters, such a run would also cost Postgres's text search parser as much.
 */
export function withoutEmphasisFloods(source: string): string {
  if (countMarkers(source, 0, source.length) <= MAX_EMPHASIS_MARKERS) return source;
  return source
    .split(/(\n[ \t]*\n)/)
    .map((block) => (countMarkers(block, 0, block.length) > MAX_EMPHASIS_MARKERS ? block.replace(/[_*]/g, '') : block))
    .join('');
}

function countMarkers(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x5f || code === 0x2a) count += 1;
  }
  return count;
}

/** Each block becomes one string; the caller joins them with blank lines. */
function blocksToText(tokens: Token[]): string[] {
  const blocks: string[] = [];
  for (const token of tokens) {
    const text = blockText(token);
    if (text !== null && text.trim() !== '') blocks.push(text);
  }
  return blocks;
}

function blockText(token: Token): string | null {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return inlineText((token as Tokens.Heading | Tokens.Paragraph).tokens);
    case 'text':
      return 'tokens' in token && token.tokens ? inlineText(token.tokens) : decodeHTML(token.text);
    case 'code':
      return (token as Tokens.Code).text;
    case 'blockquote':
      return blocksToText((token as Tokens.Blockquote).tokens).join('\n\n');
    case 'list':
      return listLines(token as Tokens.List).join('\n');
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]): string => cells.map((cell) => inlineText(cell.tokens)).join('\t');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'html':
      return stripTags((token as Tokens.HTML).text);
    default:
      // space, hr, def (link reference definitions) and anything unknown carry no reading text.
      return null;
  }
}

/** One line per item; a nested list's lines follow its item's. */
function listLines(list: Tokens.List): string[] {
  const lines: string[] = [];
  for (const item of list.items) {
    const own: string[] = [];
    const nested: string[] = [];
    for (const child of item.tokens) {
      if (child.type === 'list') nested.push(...listLines(child as Tokens.List));
      else {
        const text = blockText(child);
        if (text) own.push(text.replace(/\n+/g, ' '));
      }
    }
    if (own.length) lines.push(own.join(' '));
    lines.push(...nested);
  }
  return lines;
}

function inlineText(tokens: Token[] | undefined): string {
  let text = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
        text += 'tokens' in token && token.tokens ? inlineText(token.tokens) : decodeHTML(token.text);
        break;
      case 'escape':
      case 'codespan':
        text += decodeHTML(token.text);
        break;
      case 'br':
        text += '\n';
        break;
      case 'html':
        text += stripTags(token.text);
        break;
      case 'image':
        // An image is not part of the text; its alt text would read as if it were.
        break;
      default:
        // strong, em, del, link and extensions: their children are the text.
        text += 'tokens' in token && Array.isArray(token.tokens) ? inlineText(token.tokens) : decodeHTML('text' in token && typeof token.text === 'string' ? token.text : '');
    }
  }
  return text;
}

function stripTags(html: string): string {
  return decodeHTML(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));
}
