/**
 * Creating documents: normalise once, segment into passages and sentences, store. The only
 * place text enters the corpus (imports, pasted text, the demo seed), so the invariants live here.
 */
import { createHash } from 'node:crypto';
import { codePointLength, detectLanguage, normalizeText, OffsetMap, type PassageSegment } from '@marginalia/shared/import-reading';
import type { EntityManager } from 'typeorm';
import { segmentDocument } from './passage-bounds.js';

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
  /** Already segmented (imports segment off the main thread); segmented on insert if absent. */
  passages?: PassageSegment[];
}

/** What the passages are made from. */
interface PassageSource {
  id: string;
  workspaceId: string;
  text: string;
  language: string | null;
  passages?: PassageSegment[];
}

/** A passage as stored, with its text: what actor proposals read without querying it back. */
export interface StoredPassage {
  id: string;
  documentId: string;
  index: number;
  /** Code points, absolute in the document, as are the sentences. */
  start: number;
  end: number;
  text: string;
  sentences: [number, number][];
}

export interface StoredDocument {
  id: string;
  passages: StoredPassage[];
}

/**
 * Documents stored per statement pair (documents, then their passages): few round trips for a
 * batch of small files, and no single parameter much larger than this many characters.
 */
const CHUNK_CHARACTERS = 4_000_000;
const CHUNK_DOCUMENTS = 100;

/**
 * Normalised text and its hash, to check duplicates before writing anything. A document whose
 * file names no language gets the one its text looks like (search stems by it).
 */
export function prepareDocument(input: NewDocument): PreparedDocument {
  const text = normalizeText(input.text);
  const language = input.language ?? detectLanguage(text);
  return { ...input, text, language, contentHash: contentHash(text), characterCount: codePointLength(text) };
}

export function contentHash(normalizedText: string): string {
  return createHash('sha256').update(normalizedText).digest('hex');
}

/** Inserts the document and its passages; the caller owns the transaction. */
export async function insertDocument(manager: EntityManager, document: PreparedDocument): Promise<StoredDocument> {
  const [stored] = await insertDocuments(manager, [document]);
  return stored!;
}

/** Inserts documents and their passages, in order, a chunk per two statements; the caller owns the transaction. */
export async function insertDocuments(manager: EntityManager, documents: readonly PreparedDocument[]): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = [];
  for (const chunk of chunks(documents)) {
    const ids = await insertDocumentRows(manager, chunk);
    const passages = await insertPassageRows(
      manager,
      chunk.map((document, i) => ({ id: ids[i]!, workspaceId: document.workspaceId, text: document.text, language: document.language ?? null, passages: document.passages })),
    );
    stored.push(...ids.map((id, i) => ({ id, passages: passages[i]! })));
  }
  return stored;
}

/** Segments a stored document and writes its passages (also used to backfill). */
export async function insertPassages(manager: EntityManager, document: { id: string; workspaceId: string; text: string; language: string | null }): Promise<void> {
  await insertPassageRows(manager, [document]);
}

function* chunks(documents: readonly PreparedDocument[]): Generator<PreparedDocument[]> {
  let chunk: PreparedDocument[] = [];
  let characters = 0;
  for (const document of documents) {
    if (chunk.length > 0 && (chunk.length >= CHUNK_DOCUMENTS || characters + document.text.length > CHUNK_CHARACTERS)) {
      yield chunk;
      chunk = [];
      characters = 0;
    }
    chunk.push(document);
    characters += document.text.length;
  }
  if (chunk.length > 0) yield chunk;
}

/** One INSERT for the chunk; returns the new ids in the chunk's order (a text is stored once per workspace, so its hash names it). */
async function insertDocumentRows(manager: EntityManager, documents: PreparedDocument[]): Promise<string[]> {
  const column = <T>(value: (document: PreparedDocument) => T): T[] => documents.map(value);
  const rows = (await manager.query(
    `INSERT INTO documents (workspace_id, title, title_proposed, source_filename, source, author, published_on, url, language, fields, text, character_count, content_hash, imported_by)
     SELECT d.workspace_id, d.title, d.title_proposed, d.source_filename, d.source, d.author, d.published_on, d.url, d.language, d.fields, d.text, d.character_count, d.content_hash, d.imported_by
       FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::int[], $13::text[], $14::uuid[])
            AS d(workspace_id, title, title_proposed, source_filename, source, author, published_on, url, language, fields, text, character_count, content_hash, imported_by)
     RETURNING id, workspace_id, content_hash`,
    [
      column((d) => d.workspaceId),
      column((d) => d.title),
      column((d) => d.titleProposed),
      column((d) => d.sourceFilename),
      column((d) => d.source ?? null),
      column((d) => d.author ?? null),
      column((d) => d.publishedOn ?? null),
      column((d) => d.url ?? null),
      column((d) => d.language ?? null),
      column((d) => JSON.stringify(d.fields ?? {})),
      column((d) => d.text),
      column((d) => d.characterCount),
      column((d) => d.contentHash),
      column((d) => d.importedById),
    ],
  )) as { id: string; workspace_id: string; content_hash: string }[];
  const idOf = new Map(rows.map((row) => [`${row.workspace_id}/${row.content_hash}`, row.id]));
  return documents.map((document) => idOf.get(`${document.workspaceId}/${document.contentHash}`)!);
}

/**
 * Segments the documents and writes all their passages in one statement: arrays unnested by
 * Postgres instead of one bound parameter per column per row (faster, and no parameter limit
 * however many passages there are). Returns each document's passages, in reading order.
 */
async function insertPassageRows(manager: EntityManager, documents: PassageSource[]): Promise<StoredPassage[][]> {
  const passages = documents.map((document) => {
    const slice = codePointSlicer(document.text);
    return (document.passages ?? segmentDocument(document.text, document.language)).map(
      (segment): StoredPassage => ({
        id: '',
        documentId: document.id,
        index: segment.index,
        start: segment.start,
        end: segment.end,
        text: slice(segment.start, segment.end),
        sentences: segment.sentences.map((sentence) => [sentence.start, sentence.end]),
      }),
    );
  });
  const all = passages.flat();
  if (all.length === 0) return passages;
  const workspaceOf = new Map(documents.map((document) => [document.id, document.workspaceId]));
  const languageOf = new Map(documents.map((document) => [document.id, document.language]));
  // The trigger indexes each passage with the text search configuration of its document's language.
  const rows = (await manager.query(
    `INSERT INTO passages (workspace_id, document_id, "index", start, "end", sentences, text, search_config)
     SELECT s.workspace_id, s.document_id, s.index, s.start, s.stop, s.sentences, s.text, search_config_for_language(s.language)
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[], $6::jsonb[], $7::text[], $8::text[])
            AS s(workspace_id, document_id, index, start, stop, sentences, text, language)
     RETURNING id, document_id, index`,
    [
      all.map((passage) => workspaceOf.get(passage.documentId)),
      all.map((passage) => passage.documentId),
      all.map((passage) => passage.index),
      all.map((passage) => passage.start),
      all.map((passage) => passage.end),
      all.map((passage) => JSON.stringify(passage.sentences)),
      all.map((passage) => passage.text),
      all.map((passage) => languageOf.get(passage.documentId) ?? null),
    ],
  )) as { id: string; document_id: string; index: number }[];
  const byKey = new Map(all.map((passage) => [`${passage.documentId}/${passage.index}`, passage]));
  for (const row of rows) byKey.get(`${row.document_id}/${row.index}`)!.id = row.id;
  return passages;
}

/** Slices by code point offsets; without surrogate pairs (most text) those are UTF-16 offsets already. */
function codePointSlicer(text: string): (start: number, end: number) => string {
  if (!SURROGATE.test(text)) return (start, end) => text.slice(start, end);
  const offsets = new OffsetMap(text);
  return (start, end) => offsets.slice(start, end);
}

const SURROGATE = /[\uD800-\uDFFF]/;
