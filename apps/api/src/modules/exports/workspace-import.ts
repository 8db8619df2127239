/**
 * Creating a NEW workspace from a Marginalia JSON export, in one transaction: every row gets a
 * new id (references are rewritten through one id map), maps and the notebook are rebuilt as
 * Yjs documents with the same edit functions the web client uses (so the map guard accepts
 * later edits on top of them), and the importer becomes the owner and only member.
 *
 * People: an author (analyst, commenter, map node creator) whose user id exists on this
 * instance keeps it, so a workspace moved within one instance keeps who coded what and the
 * agreement figures; anyone else becomes NULL, which every view shows as "former member", as
 * it does for a deleted account. Nobody but the importer is made a member.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { addNode, addEdge, rateCell, readMap, revealRatings, setBlindRatings, weighEvidence, type WorkspaceExport } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { insertDocument, prepareDocument } from '../documents/document-writer.js';
import { insertMap } from './map-insert.js';

export interface ImportSummary {
  workspaceId: string;
  documents: number;
  annotations: number;
  maps: number;
  threads: number;
  /** Authors not on this instance, now shown as former members. */
  formerMembers: number;
}

export async function importWorkspace(manager: EntityManager, snapshot: WorkspaceExport, importerId: string, name?: string): Promise<ImportSummary> {
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    const id = randomUUID();
    ids.set(old, id);
    return id;
  };
  const to = (old: string | null | undefined): string | null => (old ? (ids.get(old) ?? null) : null);
  const mentioned = new Set(
    [
      ...snapshot.annotations.map((a) => a.analystId),
      ...snapshot.threads.flatMap((t) => [t.createdBy, t.resolvedBy, ...t.comments.map((c) => c.authorId)]),
      ...snapshot.maps.map((m) => m.createdBy),
    ].filter((id): id is string => id !== null),
  );
  const existing = new Set(((await manager.query(`SELECT id::text FROM users WHERE id = ANY($1::uuid[])`, [[...mentioned].filter(isUuid)])) as { id: string }[]).map((row) => row.id));
  const person = (id: string | null): string | null => (id !== null && existing.has(id) ? id : null);

  const [workspace] = (await manager.query(`INSERT INTO workspaces (name, description) VALUES ($1, $2) RETURNING id`, [name ?? snapshot.workspace.name, snapshot.workspace.description])) as { id: string }[];
  const workspaceId = workspace!.id;
  await manager.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [workspaceId, importerId]);

  const texts = new Set<string>();
  for (const document of snapshot.documents) {
    if (texts.has(document.text)) throw new ImportRefusal(`document "${document.title}" has the same text as another document; a workspace holds each text once`);
    texts.add(document.text);
    const prepared = prepareDocument({
      workspaceId, text: document.text, title: document.title, titleProposed: false, sourceFilename: document.sourceFilename, importedById: importerId,
      source: document.source, author: document.author, publishedOn: document.publishedOn, url: document.url, language: document.language, fields: document.fields,
    });
    if (prepared.text !== document.text) throw new ImportRefusal(`document "${document.title}" is not normalised text: was it edited by hand?`);
    const stored = await insertDocument(manager, { ...prepared, passages: document.passages.map((p) => ({ ...p, sentences: [{ start: p.start, end: p.end }] })) });
    ids.set(document.id, stored.id);
  }
  for (const actor of snapshot.actors) {
    await manager.query(`INSERT INTO actors (id, workspace_id, name, affiliation, description) VALUES ($1, $2, $3, $4, $5)`, [fresh(actor.id), workspaceId, actor.name, actor.affiliation, actor.description]);
  }
  for (const attribution of snapshot.attributions) {
    await manager.query(`INSERT INTO attributions (id, workspace_id, actor_id, document_id, start, "end", created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      fresh(attribution.id), workspaceId, to(attribution.actorId), to(attribution.documentId), attribution.start, attribution.end, importerId,
    ]);
  }
  // Parents before children: ids first, then rows in an order where every parent exists.
  for (const tag of snapshot.codebook.tags) fresh(tag.id);
  for (const tag of parentsFirst(snapshot.codebook.tags)) {
    await manager.query(`INSERT INTO tags (id, workspace_id, parent_id, position, name, color, definition, inclusion, exclusion, examples, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
      to(tag.id), workspaceId, to(tag.parentId), tag.position, tag.name, tag.color, tag.definition, tag.inclusion, tag.exclusion, JSON.stringify(tag.examples), importerId,
    ]);
  }
  // Annotations in batches (a coded corpus has tens of thousands): one INSERT per 5,000 rows.
  for (let i = 0; i < snapshot.annotations.length; i += 5_000) {
    const batch = snapshot.annotations.slice(i, i + 5_000).map((annotation) => ({ ...annotation, newId: fresh(annotation.id) }));
    const column = <T>(pick: (annotation: (typeof batch)[number]) => T) => batch.map(pick);
    await manager.query(
      `INSERT INTO annotations (id, workspace_id, document_id, analyst_id, kind, start, "end", exact, prefix, suffix, memo)
       SELECT id, $1, document_id, analyst_id, kind, s, e, exact, prefix, suffix, memo
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[]) AS t(id, document_id, analyst_id, kind, s, e, exact, prefix, suffix, memo)`,
      [workspaceId, column((a) => a.newId), column((a) => to(a.documentId)), column((a) => person(a.analystId)), column((a) => a.kind), column((a) => a.start), column((a) => a.end), column((a) => a.exact), column((a) => a.prefix), column((a) => a.suffix), column((a) => a.memo)],
    );
    const pairs = batch.flatMap((annotation) => annotation.tagIds.map((tagId) => [annotation.newId, to(tagId)] as const));
    await manager.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])]);
  }
  const remember = (old: string, id: string) => ids.set(old, id);
  for (const map of snapshot.maps) await importMap(manager, workspaceId, map, { to, fresh, remember, person, importerId });
  for (const thread of snapshot.threads) {
    const { anchor } = thread;
    const threadId = fresh(thread.id);
    await manager.query(
      `INSERT INTO threads (id, workspace_id, anchor_kind, document_id, start, "end", exact, prefix, suffix, annotation_id, tag_id, map_id, element_id, evidence_id, label, created_by, resolved_at, resolved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [threadId, workspaceId, anchor.kind, to(anchor.documentId), anchor.start, anchor.end, anchor.quote?.exact ?? null, anchor.quote?.prefix ?? null, anchor.quote?.suffix ?? null,
        to(anchor.annotationId), to(anchor.tagId), to(anchor.mapId), anchor.elementId, to(anchor.evidenceId) ?? anchor.evidenceId, anchor.label, person(thread.createdBy), thread.resolvedAt, person(thread.resolvedBy)],
    );
    for (const comment of thread.comments) {
      await manager.query(`INSERT INTO comments (id, thread_id, workspace_id, author_id, body, created_at, edited_at, deleted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        fresh(comment.id), threadId, workspaceId, person(comment.authorId), comment.body, comment.createdAt, comment.editedAt, comment.deletedAt,
      ]);
    }
  }
  if (snapshot.notebook.markdown) {
    const doc = new Y.Doc();
    doc.getText('markdown').insert(0, snapshot.notebook.markdown);
    const docName = `notebook-${randomBytes(12).toString('base64url')}`;
    await manager.query(`INSERT INTO collab_documents (name, workspace_id, kind) VALUES ($1, $2, 'notebook')`, [docName, workspaceId]);
    await manager.query(`INSERT INTO collab_updates (document_name, "update") VALUES ($1, $2)`, [docName, Buffer.from(Y.encodeStateAsUpdate(doc))]);
    doc.destroy();
  }
  return {
    workspaceId,
    documents: snapshot.documents.length,
    annotations: snapshot.annotations.length,
    maps: snapshot.maps.length,
    threads: snapshot.threads.length,
    formerMembers: [...mentioned].filter((id) => !existing.has(id)).length,
  };
}

interface IdTools {
  to: (old: string | null | undefined) => string | null;
  fresh: (old: string) => string;
  remember: (old: string, id: string) => void;
  person: (id: string | null) => string | null;
  importerId: string;
}

async function importMap(manager: EntityManager, workspaceId: string, map: WorkspaceExport['maps'][number], { to, fresh, remember, person, importerId }: IdTools): Promise<void> {
  const doc = new Y.Doc();
  // Element ids are the map's own (threads anchor on them); evidence links get new ids, mapped by position.
  for (const node of map.nodes) {
    const evidence = node.evidence.flatMap((link) => {
      const documentId = to(link.documentId);
      return documentId ? [{ documentId, start: link.start, end: link.end, exact: link.exact, ...(link.annotationId && to(link.annotationId) ? { annotationId: to(link.annotationId)! } : {}) }] : [];
    });
    const actors = Object.fromEntries(Object.entries(node.actors).flatMap(([actorId, stance]) => (to(actorId) ? [[to(actorId)!, stance]] : [])));
    addNode(doc, node.createdBy, { kind: node.kind, text: node.text, details: node.details, x: node.x, y: node.y, confidence: node.confidence, actors, evidence }, node.id);
  }
  const imported = new Map(readMap(doc).nodes.map((node) => [node.id, node.evidence]));
  for (const node of map.nodes) {
    // Links whose document is gone were skipped, so match by position among the kept ones.
    const kept = node.evidence.filter((link) => to(link.documentId));
    kept.forEach((link, i) => {
      const id = imported.get(node.id)?.[i]?.id;
      if (id) remember(link.id, id);
    });
  }
  for (const edge of map.edges) addEdge(doc, edge.createdBy, { kind: edge.kind, source: edge.source, target: edge.target }, edge.id);
  for (const rating of map.ratings) rateCell(doc, rating.userId, rating.hypothesisId, rating.evidenceId, rating.rating);
  for (const weight of map.weights) weighEvidence(doc, weight.userId, weight.evidenceId, { credibility: weight.credibility, relevance: weight.relevance });
  if (map.settings.blindRatings) setBlindRatings(doc, true);
  if (map.settings.ratingsRevealed) revealRatings(doc, true);
  await insertMap(manager, { id: fresh(map.id), workspaceId, title: map.title, createdBy: person(map.createdBy) ?? importerId, archived: map.archived }, doc);
  doc.destroy();
}

function parentsFirst<T extends { id: string; parentId: string | null; name: string }>(tags: readonly T[]): T[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const done = new Set<string>();
  const ordered: T[] = [];
  const visit = (tag: T, path: Set<string>) => {
    if (done.has(tag.id)) return;
    if (path.has(tag.id)) throw new ImportRefusal(`the codebook has a cycle at tag "${tag.name}"`);
    const parent = tag.parentId ? byId.get(tag.parentId) : undefined;
    if (tag.parentId && !parent) throw new ImportRefusal(`tag "${tag.name}" names a parent that is not in the codebook`);
    if (parent) visit(parent, new Set(path).add(tag.id));
    done.add(tag.id);
    ordered.push(tag);
  };
  for (const tag of tags) visit(tag, new Set());
  return ordered;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The export cannot become a workspace as it is (answered 422 with the reason). */
export class ImportRefusal extends Error {}
