/** One file's bytes, in a known format, to text and metadata (ZIPs are opened by the job, not here). */
import type { ExtractedDocument } from './extracted-document.js';
import type { FileFormat } from './detect-format.js';
import { extractDocx } from './docx.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPdf } from './pdf.js';
import { extractPlainText } from './plain-text.js';

export type DocumentFormat = Exclude<FileFormat, 'zip'>;

/** The charset parameter of a media type ("text/plain; charset=windows-1252"), if any. */
export function charsetOf(mediaType: string | null): string | null {
  return /;\s*charset\s*=\s*"?([\w:.-]+)"?/i.exec(mediaType ?? '')?.[1] ?? null;
}

export async function extractDocument(format: DocumentFormat, bytes: Uint8Array, mediaType: string | null): Promise<ExtractedDocument> {
  switch (format) {
    case 'text':
      return extractPlainText(bytes, charsetOf(mediaType));
    case 'markdown':
      return extractMarkdown(bytes, charsetOf(mediaType));
    case 'html':
      return extractHtml(bytes, charsetOf(mediaType));
    case 'pdf':
      return await extractPdf(bytes);
    case 'docx':
      return await extractDocx(bytes);
  }
}
