/**
 * Pasted text travels the same way as files: stored as an upload (the validated request
 * body, as JSON, under a media type of our own) and read by the job like any other file.
 */
import { PasteDocumentBodySchema, type PasteDocumentBody } from '@marginalia/shared';

export const PASTE_MEDIA_TYPE = 'application/vnd.marginalia.paste+json';
export const PASTE_NAME = 'Pasted text';

export function encodePaste(body: PasteDocumentBody): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

export function readPaste(content: Buffer): { text: string; title?: string } {
  return PasteDocumentBodySchema.parse(JSON.parse(content.toString('utf8')));
}
