/**
 * One file of a job, from bytes to a decision: extract its text, normalise it the one way
 * documents are normalised (prepareDocument), propose a title, look for the same text in the
 * workspace, and let the batch accept or reject it.
 */
import { Logger } from '@nestjs/common';
import type { ImportFileResult, ImportFormat } from '@marginalia/shared';
import type { QueryRunner } from 'typeorm';
import { prepareDocument } from '../documents/document-writer.js';
import type { ImportBatch } from './import-batch.js';
import { extractDocument, type DocumentFormat } from './extract/extract-document.js';
import type { ExtractedDocument } from './extract/extracted-document.js';
import { ImportRejection } from './extract/rejection.js';
import { PASTE_MEDIA_TYPE, readPaste } from './paste.js';
import { proposeTitle } from './propose-title.js';

export interface UploadRef {
  workspaceId: string;
  importedById: string | null;
  /** As the job lists it; inside a ZIP, "archive.zip/folder/file.txt". */
  name: string;
  mediaType: string | null;
  content: Buffer;
}

const FORMAT_NAMES: Record<DocumentFormat, string> = { text: 'text', markdown: 'Markdown', html: 'HTML', pdf: 'a PDF', docx: 'a DOCX document' };

const logger = new Logger('Imports');

export function isPaste(ref: UploadRef): boolean {
  return ref.mediaType === PASTE_MEDIA_TYPE;
}

export async function readFile(connection: QueryRunner, ref: UploadRef, row: ImportFileResult, batch: ImportBatch, format: DocumentFormat | 'pasted'): Promise<void> {
  const importFormat: ImportFormat = format;
  let extracted: ExtractedDocument;
  let givenTitle: string | null = null;
  try {
    if (format === 'pasted') {
      const paste = readPaste(ref.content);
      extracted = { text: paste.text, title: null };
      givenTitle = paste.title ?? null;
    } else {
      extracted = await extractDocument(format, ref.content, ref.mediaType);
    }
  } catch (error) {
    if (error instanceof ImportRejection) return batch.reject(row, error.reason, error.detail, importFormat);
    // Libraries throw all sorts on malformed files; that is the file's problem, not the job's.
    logger.warn(`could not read ${ref.name} as ${format}: ${error instanceof Error ? error.message : String(error)}`);
    return batch.reject(row, 'unreadable', `the file could not be read as ${format === 'pasted' ? 'text' : FORMAT_NAMES[format]}; it may be damaged`, importFormat);
  }
  const prepared = prepareDocument({
    workspaceId: ref.workspaceId,
    text: extracted.text,
    title: '',
    titleProposed: givenTitle === null,
    sourceFilename: format === 'pasted' ? null : ref.name,
    importedById: ref.importedById,
    source: extracted.source ?? null,
    author: extracted.author ?? null,
    publishedOn: extracted.publishedOn ?? null,
    url: extracted.url ?? null,
    language: extracted.language ?? null,
  });
  prepared.title = givenTitle ?? proposeTitle({ metadataTitle: extracted.title, text: prepared.text, filename: ref.name, siteName: extracted.source });
  const existingTitle = prepared.characterCount > 0 ? await findTitleWithHash(connection, ref.workspaceId, prepared.contentHash) : null;
  batch.admit(row, importFormat, prepared, existingTitle, format === 'pasted' ? 'the pasted text is empty' : 'the file contains no text');
}

async function findTitleWithHash(connection: QueryRunner, workspaceId: string, contentHash: string): Promise<string | null> {
  const rows = (await connection.query('SELECT title FROM documents WHERE workspace_id = $1 AND content_hash = $2 LIMIT 1', [workspaceId, contentHash])) as { title: string }[];
  return rows[0]?.title ?? null;
}
