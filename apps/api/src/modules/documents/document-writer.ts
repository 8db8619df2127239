/**
 * Creating documents: normalise once, segment into passages and sentences, store. The only
 * place text enters the corpus (imports, pasted text, the demo seed), so the invariants live here.
 */
import { createHash } from 'node:crypto';
import { codePointLength, normalizeText, segmentPassages, OffsetMap } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import { CorpusDocument } from './document.entity.js';

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
  // One statement per document: arrays unnested by Postgres instead of one bound parameter per
  // column per row (faster, and no parameter limit however many passages there are).
  if (segments.length === 0) return;
  await manager.query(
    `INSERT INTO passages (workspace_id, document_id, "index", start, "end", sentences, text)
     SELECT $1, $2, s.index, s.start, s.stop, s.sentences, s.text
       FROM unnest($3::int[], $4::int[], $5::int[], $6::jsonb[], $7::text[]) AS s(index, start, stop, sentences, text)`,
    [
      document.workspaceId,
      document.id,
      segments.map((segment) => segment.index),
      segments.map((segment) => segment.start),
      segments.map((segment) => segment.end),
      segments.map((segment) => JSON.stringify(segment.sentences.map((sentence) => [sentence.start, sentence.end]))),
      segments.map((segment) => offsets.slice(segment.start, segment.end)),
    ],
  );
}
