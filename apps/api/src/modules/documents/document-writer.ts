/**
 * Creating documents: normalise once, segment into passages and sentences, store. The only
 * place text enters the corpus (imports, pasted text, the demo seed), so the invariants live here.
 */
import { createHash } from 'node:crypto';
import { codePointLength, normalizeText, segmentPassages, OffsetMap } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import { CorpusDocument } from './document.entity.js';
import { Passage } from './passage.entity.js';

export interface NewDocument {
  workspaceId: string;
  /** Raw extracted text; normalised here. */
  text: string;
  title: string;
  titleProposed: boolean;
  sourceFilename: string | null;
  importedById: string | null;
  source?: string | null;
  author?: string | null;
  publishedOn?: string | null;
  url?: string | null;
  language?: string | null;
  fields?: Record<string, string>;
}

export interface PreparedDocument extends NewDocument {
  text: string;
  contentHash: string;
  characterCount: number;
}

/** Normalised text and its hash, to check duplicates before writing anything. */
export function prepareDocument(input: NewDocument): PreparedDocument {
  const text = normalizeText(input.text);
  return { ...input, text, contentHash: contentHash(text), characterCount: codePointLength(text) };
}

export function contentHash(normalizedText: string): string {
  return createHash('sha256').update(normalizedText).digest('hex');
}

/** Inserts the document and its passages; the caller owns the transaction. */
export async function insertDocument(manager: EntityManager, document: PreparedDocument): Promise<CorpusDocument> {
  const saved = await manager.save(
    manager.create(CorpusDocument, {
      workspaceId: document.workspaceId,
      title: document.title,
      titleProposed: document.titleProposed,
      sourceFilename: document.sourceFilename,
      source: document.source ?? null,
      author: document.author ?? null,
      publishedOn: document.publishedOn ?? null,
      url: document.url ?? null,
      language: document.language ?? null,
      fields: document.fields ?? {},
      text: document.text,
      characterCount: document.characterCount,
      contentHash: document.contentHash,
      importedById: document.importedById,
    }),
  );
  await insertPassages(manager, saved);
  return saved;
}

/** Segments a stored document and writes its passages (also used to backfill). */
export async function insertPassages(manager: EntityManager, document: Pick<CorpusDocument, 'id' | 'workspaceId' | 'text' | 'language'>): Promise<void> {
  const offsets = new OffsetMap(document.text);
  const segments = segmentPassages(document.text, document.language ?? 'en');
  // Batches keep each INSERT well under Postgres's parameter limit.
  for (let i = 0; i < segments.length; i += 500) {
    const rows = segments.slice(i, i + 500).map((segment) => ({
      workspaceId: document.workspaceId,
      documentId: document.id,
      index: segment.index,
      start: segment.start,
      end: segment.end,
      sentences: segment.sentences.map((sentence): [number, number] => [sentence.start, sentence.end]),
      text: offsets.slice(segment.start, segment.end),
    }));
    if (rows.length > 0) await manager.insert(Passage, rows);
  }
}
