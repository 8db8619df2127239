// Synthetic data for pnpm bench:tagging: documents of numbered passages, inserted the way imports
// store them, and annotations written straight into the tables in bulk (the bench measures
// reading and comparing them; the API's own writes are measured separately).
import { randomUUID } from 'node:crypto';
import { OffsetMap } from '@marginalia/shared';
import { insertDocuments, prepareDocument } from '../dist/modules/documents/document-writer.js';

const WORDS = 'the ministry of state security calls on citizens to report spies analysts say campaign shows insecurity control nationalism rivalry war'.split(' ');

/** `count` documents of `passages` paragraphs of about 100 characters each. */
export async function insertNumberedDocuments(dataSource, workspaceId, count, passages, random) {
  const prepared = Array.from({ length: count }, (_unused, d) => {
    const paragraphs = Array.from({ length: passages }, (_p, p) => {
      const words = Array.from({ length: 14 }, () => WORDS[Math.floor(random() * WORDS.length)]);
      return `Document ${d + 1}, passage ${p + 1}: ${words.join(' ')}.`;
    });
    return prepareDocument({ workspaceId, text: paragraphs.join('\n\n'), title: `Synthetic ${d + 1}`, titleProposed: false, sourceFilename: null, importedById: null });
  });
  const stored = [];
  for (let i = 0; i < prepared.length; i += 50) stored.push(...(await dataSource.transaction((manager) => insertDocuments(manager, prepared.slice(i, i + 50)))));
  return stored.map((document, i) => ({ id: document.id, text: prepared[i].text }));
}

/** Passages of documents, from the database, in text order. */
export async function passagesOf(dataSource, documentIds) {
  const rows = await dataSource.query(`SELECT document_id::text, start, "end" FROM passages WHERE document_id = ANY($1::uuid[]) ORDER BY document_id, index`, [documentIds]);
  const byDocument = new Map(documentIds.map((id) => [id, []]));
  for (const row of rows) byDocument.get(row.document_id).push({ start: row.start, end: row.end });
  return byDocument;
}

/** Bulk insert of annotations { documentId, analystId, start, end, tagIds, exact? }. */
export async function insertAnnotations(dataSource, workspaceId, annotations) {
  for (let i = 0; i < annotations.length; i += 5_000) {
    const batch = annotations.slice(i, i + 5_000).map((annotation) => ({ ...annotation, id: randomUUID() }));
    await dataSource.query(
      `INSERT INTO annotations (id, workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix)
       SELECT id, $1, document_id, analyst_id, s, e, x, '', '' FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::text[]) AS t(id, document_id, analyst_id, s, e, x)`,
      [workspaceId, batch.map((a) => a.id), batch.map((a) => a.documentId), batch.map((a) => a.analystId), batch.map((a) => a.start), batch.map((a) => a.end), batch.map((a) => a.exact ?? '')],
    );
    const pairs = batch.flatMap((annotation) => annotation.tagIds.map((tagId) => [annotation.id, tagId]));
    await dataSource.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])]);
  }
}

/** `count` overlapping spans over one document's text, 1-3 tags each, by the given analysts. */
export function readerAnnotations(document, count, analystIds, tagIds, random) {
  const map = new OffsetMap(document.text);
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * (map.codePointLength - 400));
    const end = start + 5 + Math.floor(random() * 300);
    const tags = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => tagIds[Math.floor(random() * tagIds.length)]));
    return { documentId: document.id, analystId: analystIds[Math.floor(random() * analystIds.length)], start, end, tagIds: [...tags], exact: map.slice(start, end) };
  });
}

/**
 * Coding of every passage by every analyst: each (passage, tag) has a "true" value (about 4% of
 * pairs apply), which each analyst reproduces with some noise, so agreement is realistic.
 */
export function comparisonAnnotations(documents, passagesByDocument, analystIds, tagIds, random) {
  const annotations = [];
  for (const document of documents) {
    for (const passage of passagesByDocument.get(document.id)) {
      for (const tagId of tagIds) {
        const truth = random() < 0.04;
        for (const analystId of analystIds) {
          const applies = truth ? random() < 0.8 : random() < 0.01;
          if (applies) annotations.push({ documentId: document.id, analystId, start: passage.start + 2, end: passage.end - 2, tagIds: [tagId] });
        }
      }
    }
  }
  return annotations;
}
