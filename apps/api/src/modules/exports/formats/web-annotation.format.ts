/**
 * W3C Web Annotation (Recommendation 2017-02-23) as JSON-LD: one AnnotationCollection whose
 * pages (AnnotationPage, `pageSize` annotations each, chained by embedded `next`) hold
 *  - each coded span as an Annotation with a TextualBody per tag (purpose `tagging`, value the
 *    tag path) and its memo (purpose `commenting`), targeting the document through a
 *    TextQuoteSelector and a TextPositionSelector (code points, end exclusive; the model counts
 *    Unicode code points too), given as alternatives describing the same segment;
 *  - each comment of a discussion thread as an Annotation: the first with purpose
 *    `commenting` on the thread's anchor, the others `replying`, targeting the first.
 * Identifiers are `urn:uuid:` IRIs (the instance's URL is not part of the snapshot).
 * Streamed: items are made and written one at a time, never held as one document.
 */
import type { ExportAnnotation, ExportThread, WorkspaceExport } from '@marginalia/shared';
import type { ExportFormat, ExportOptions } from '../export-format.js';
import { inChunks, jsonArray } from './chunks.js';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const DEFAULT_PAGE_SIZE = 1000;

const urn = (id: string) => `urn:uuid:${id}`;

type JsonLd = Record<string, unknown>;

function creator(index: SnapshotIndex, id: string | null): JsonLd | undefined {
  if (id === null) return undefined;
  return { id: urn(id), type: 'Person', name: index.memberName(id) };
}

function textTarget(documentId: string, span: { start: number; end: number; exact: string; prefix: string; suffix: string }, language: string | null): JsonLd {
  return {
    type: 'SpecificResource',
    source: { id: urn(documentId), type: 'Text', format: 'text/plain', ...(language ? { language } : {}) },
    selector: [
      { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
    ],
  };
}

function codingAnnotation(annotation: ExportAnnotation, index: SnapshotIndex): JsonLd {
  const bodies: JsonLd[] = [...annotation.tagIds]
    .sort((a, b) => index.tagPath(a).localeCompare(index.tagPath(b)) || a.localeCompare(b))
    .map((tagId) => ({ type: 'TextualBody', purpose: 'tagging', value: index.tagPath(tagId), id: urn(tagId) }));
  if (annotation.memo) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.memo, format: 'text/plain' });
  return {
    id: urn(annotation.id),
    type: 'Annotation',
    motivation: 'tagging',
    ...(creator(index, annotation.analystId) ? { creator: creator(index, annotation.analystId) } : {}),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    body: bodies,
    target: textTarget(annotation.documentId, annotation, index.document(annotation.documentId)?.language ?? null),
  };
}

/** What a thread is about, as a Web Annotation target. */
function threadTarget(thread: ExportThread, index: SnapshotIndex): JsonLd | string {
  const { anchor } = thread;
  if (anchor.kind === 'text' && anchor.documentId && anchor.start !== null && anchor.end !== null && anchor.quote) {
    return textTarget(anchor.documentId, { start: anchor.start, end: anchor.end, ...anchor.quote }, index.document(anchor.documentId)?.language ?? null);
  }
  if (anchor.annotationId) return urn(anchor.annotationId);
  if (anchor.documentId) return urn(anchor.documentId);
  if (anchor.tagId) return urn(anchor.tagId);
  if (anchor.mapId) return `${urn(anchor.mapId)}${anchor.elementId ? `#${encodeURIComponent(anchor.elementId)}` : ''}`;
  return `urn:uuid:${thread.id}#${encodeURIComponent(anchor.label)}`;
}

function threadAnnotations(thread: ExportThread, index: SnapshotIndex): JsonLd[] {
  const comments = thread.comments.filter((comment) => comment.deletedAt === null);
  const first = thread.comments[0];
  if (!first) return [];
  return comments.map((comment) => {
    const opening = comment.id === first.id;
    return {
      id: urn(comment.id),
      type: 'Annotation',
      motivation: opening ? 'commenting' : 'replying',
      ...(creator(index, comment.authorId) ? { creator: creator(index, comment.authorId) } : {}),
      created: comment.createdAt,
      ...(comment.editedAt ? { modified: comment.editedAt } : {}),
      body: { type: 'TextualBody', purpose: opening ? 'commenting' : 'replying', value: comment.body, format: 'text/markdown' },
      target: opening ? threadTarget(thread, index) : urn(first.id),
    };
  });
}

/** Every item of the collection, in order: the coded spans, then each thread's comments. */
function* collectionItems(snapshot: WorkspaceExport, index: SnapshotIndex): Generator<JsonLd> {
  for (const annotation of snapshot.annotations) yield codingAnnotation(annotation, index);
  for (const thread of snapshot.threads) yield* threadAnnotations(thread, index);
}

function itemCount(snapshot: WorkspaceExport): number {
  let count = snapshot.annotations.length;
  for (const thread of snapshot.threads) if (thread.comments.length > 0) count += thread.comments.filter((comment) => comment.deletedAt === null).length;
  return count;
}

/**
 * The collection printed as JSON.stringify(collection, null, 2) would print it, written as it
 * goes: each page is embedded in the previous one's `next`, so page k sits k levels deeper
 * and all of them close at the end.
 */
function* collectionPieces(snapshot: WorkspaceExport, options: ExportOptions): Generator<string> {
  const index = indexSnapshot(snapshot);
  const total = itemCount(snapshot);
  const requested = Number(options.pageSize);
  const pageSize = Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_PAGE_SIZE;
  const collectionId = `urn:uuid:${snapshot.workspace.id}`;
  const head = { '@context': ANNO_CONTEXT, id: collectionId, type: 'AnnotationCollection', label: snapshot.workspace.name, total, generator: { type: 'Software', name: snapshot.generator }, generated: snapshot.exportedAt };
  // Without its closing "\n}": "first" follows.
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "first": `;
  const items = collectionItems(snapshot, index);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  for (let page = 0; page < pages; page += 1) {
    const pad = '  '.repeat(page + 2);
    const field = (name: string, value: unknown) => `\n${pad}${JSON.stringify(name)}: ${JSON.stringify(value)},`;
    yield `{${field('id', `${collectionId}?page=${page}`)}${field('type', 'AnnotationPage')}${field('partOf', collectionId)}${field('startIndex', page * pageSize)}\n${pad}"items": `;
    yield* jsonArray(take(items, pageSize), pad);
    if (page < pages - 1) yield `,\n${pad}"next": `;
  }
  for (let page = pages - 1; page >= 0; page -= 1) yield `\n${'  '.repeat(page + 1)}}`;
  yield '\n}\n';
}

function* take<T>(items: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i += 1) {
    const next = items.next();
    if (next.done) return;
    yield next.value;
  }
}

/** The collection as chunks; their concatenation is the whole JSON-LD file. */
export function webAnnotationCollection(snapshot: WorkspaceExport, options: ExportOptions): Iterable<string> {
  return inChunks(collectionPieces(snapshot, options));
}

export const webAnnotationExportFormat: ExportFormat = {
  id: 'web-annotation',
  label: 'W3C Web Annotation (JSON-LD)',
  description: 'Annotations and comments as an AnnotationCollection, with text quote and position selectors (code points).',
  mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  extension: 'jsonld',
  serialize: (snapshot, options) => webAnnotationCollection(snapshot, options),
};
