/**
 * Pasted text travels the same way as files: stored as an upload (the validated request
 * body, as JSON, under a media type of our own) and read by the job like any other file.
 */
import { IMPORT_LIMITS, PasteDocumentBodySchema, type PasteDocumentBody } from '@marginalia/shared/import-reading';

export const PASTE_MEDIA_TYPE = 'application/vnd.marginalia.paste+json';
export const PASTE_NAME = 'Pasted text';

export function encodePaste(body: PasteDocumentBody): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

export function readPaste(content: Buffer): { text: string; title?: string } {
  return PasteDocumentBodySchema.parse(JSON.parse(content.toString('utf8')));
}

/**
 * Largest JSON body of a paste: IMPORT_LIMITS.maxPastedCharacters UTF-16 units, each of which
 * JSON may spell as a 6-byte \uXXXX escape (ASCII-only encoders such as Python's json do, for
 * every non-ASCII character); plus the title and framing. The schema, not this, then decides.
 */
export const PASTE_BODY_LIMIT_BYTES = IMPORT_LIMITS.maxPastedCharacters * 6 + 64 * 1024;
