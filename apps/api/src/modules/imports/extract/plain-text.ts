/** Plain text: only the encoding needs working out. */
import { decodeText } from './decode-text.js';
import type { ExtractedDocument } from './extracted-document.js';

export function extractPlainText(bytes: Uint8Array, charset: string | null): ExtractedDocument {
  return { text: decodeText(bytes, charset).text, title: null };
}
