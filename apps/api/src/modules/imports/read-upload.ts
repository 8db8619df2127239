/**
 * One upload, from bytes to a document ready to store: extract its text, normalise it the one
 * way documents are normalised, and only if its size is acceptable propose a title and segment
 * it into passages. Runs in a read worker (read-worker.ts), never on the API's main thread:
 * everything here parses untrusted input.
 */
import { codePointLength, detectLanguage, IMPORT_LIMITS, normalizeText } from '@marginalia/shared/import-reading';
import { contentHash } from '../documents/document-writer.js';
import { segmentDocument } from '../documents/passage-bounds.js';
import { extractDocument } from './extract/extract-document.js';
import type { ExtractedDocument } from './extract/extracted-document.js';
import { ImportRejection } from './extract/rejection.js';
import { readPaste } from './paste.js';
import { proposeTitle } from './propose-title.js';
import { encodePassages, type ReadDocument, type ReadFormat, type ReadRequest } from './read-worker-protocol.js';

const FORMAT_NAMES: Record<ReadFormat, string> = { text: 'text', markdown: 'Markdown', html: 'HTML', pdf: 'a PDF', docx: 'a DOCX document', pasted: 'text' };

/** Thrown for a file a library could not read: the job refuses it as unreadable and logs the cause. */
export class UnreadableUpload extends ImportRejection {
  constructor(
    format: ReadFormat,
    readonly failure: string,
  ) {
    super('unreadable', `the file could not be read as ${FORMAT_NAMES[format]}; it may be damaged`);
  }
}

export async function readUpload({ format, name, mediaType, content }: Omit<ReadRequest, 'id'>): Promise<ReadDocument> {
  let extracted: ExtractedDocument;
  let givenTitle: string | null = null;
  try {
    if (format === 'pasted') {
      const paste = readPaste(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
      extracted = { text: paste.text, title: null };
      givenTitle = paste.title ?? null;
    } else {
      extracted = await extractDocument(format, content, mediaType);
    }
  } catch (error) {
    if (error instanceof ImportRejection) throw error;
    // Libraries throw all sorts on malformed files; that is the file's problem, not the job's.
    throw new UnreadableUpload(format, error instanceof Error ? error.message : String(error));
  }
  const text = normalizeText(extracted.text);
  const characterCount = codePointLength(text);
  const document: ReadDocument = {
    text,
    contentHash: contentHash(text),
    characterCount,
    title: givenTitle ?? '',
    titleProposed: givenTitle === null,
    source: extracted.source ?? null,
    author: extracted.author ?? null,
    publishedOn: extracted.publishedOn ?? null,
    url: extracted.url ?? null,
    language: extracted.language ?? null,
    passages: null,
  };
  // Size first: a text the job will refuse is neither titled nor segmented, nor sent back.
  if (characterCount > IMPORT_LIMITS.maxDocumentCharacters) return { ...document, text: '' };
  if (characterCount === 0) return document;
  // A file that names no language gets the one its text looks like: search stems by it.
  document.language ??= detectLanguage(text);
  document.title = givenTitle ?? proposeTitle({ metadataTitle: extracted.title, text, filename: format === 'pasted' ? null : name, siteName: extracted.source });
  document.passages = encodePassages(segmentDocument(text, document.language));
  return document;
}
