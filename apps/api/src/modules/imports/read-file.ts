/**
 * One file of a job, from bytes to a decision: read it in a worker (extract, normalise, title,
 * segment: read-upload.ts), look for the same text in the workspace, and let the batch accept
 * or reject it. Only the lookup and the bookkeeping run here, on the main thread.
 */
import type { ImportFileResult, ImportFormat } from '@marginalia/shared';
import type { QueryRunner } from 'typeorm';
import type { PreparedDocument } from '../documents/document-writer.js';
import type { ImportBatch } from './import-batch.js';
import type { DocumentFormat } from './extract/extract-document.js';
import { ImportRejection } from './extract/rejection.js';
import { PASTE_MEDIA_TYPE } from './paste.js';
import type { ReadSandbox } from './read-sandbox.js';
import { decodePassages, type ReadDocument } from './read-worker-protocol.js';

export interface UploadRef {
  workspaceId: string;
  importedById: string | null;
  /** As the job lists it; inside a ZIP, "archive.zip/folder/file.txt". */
  name: string;
  mediaType: string | null;
  content: Buffer;
}

export function isPaste(ref: UploadRef): boolean {
  return ref.mediaType === PASTE_MEDIA_TYPE;
}

export async function readFile(connection: QueryRunner, readers: ReadSandbox, ref: UploadRef, row: ImportFileResult, batch: ImportBatch, format: DocumentFormat | 'pasted'): Promise<void> {
  const importFormat: ImportFormat = format;
  let read: ReadDocument;
  try {
    read = await readers.read({ format, name: ref.name, mediaType: ref.mediaType, content: ref.content });
  } catch (error) {
    if (error instanceof ImportRejection) return batch.reject(row, error.reason, error.detail, importFormat);
    throw error;
  }
  const prepared: PreparedDocument = {
    workspaceId: ref.workspaceId,
    text: read.text,
    contentHash: read.contentHash,
    characterCount: read.characterCount,
    title: read.title,
    titleProposed: read.titleProposed,
    sourceFilename: format === 'pasted' ? null : ref.name,
    importedById: ref.importedById,
    source: read.source,
    author: read.author,
    publishedOn: read.publishedOn,
    url: read.url,
    language: read.language,
    ...(read.passages ? { passages: decodePassages(read.passages) } : {}),
  };
  const existingTitle = prepared.characterCount > 0 ? await findTitleWithHash(connection, ref.workspaceId, prepared.contentHash) : null;
  batch.admit(row, importFormat, prepared, existingTitle, format === 'pasted' ? 'the pasted text is empty' : 'the file contains no text');
}

async function findTitleWithHash(connection: QueryRunner, workspaceId: string, contentHash: string): Promise<string | null> {
  const rows = (await connection.query('SELECT title FROM documents WHERE workspace_id = $1 AND content_hash = $2 LIMIT 1', [workspaceId, contentHash])) as { title: string }[];
  return rows[0]?.title ?? null;
}
