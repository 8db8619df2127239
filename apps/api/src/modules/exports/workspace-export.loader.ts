/**
 * Reads a workspace into a WorkspaceExport: the snapshot every export format is serialised
 * from. Relational data comes from Postgres in one repeatable-read transaction (a consistent
 * view even while people work); maps and the notebook from their collaborative documents as
 * they are now (live on this process, or as stored). Everyone's annotations are included:
 * exporting is an admin's act of taking the workspace's data out, not a reading view.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { EXPORT_FORMAT_VERSION, readMap, type WorkspaceExport } from '@marginalia/shared';
import { CollabPersistence } from '../collab/collab-persistence.service.js';
import { DocumentRegistry } from '../collab/document-registry.service.js';
import { APP_VERSION } from '../../version.js';
import { toThreadAnchor, type AnchorColumns } from '../discussion/thread-rows.js';

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

@Injectable()
export class WorkspaceExportLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly persistence: CollabPersistence,
  ) {}

  async load(workspaceId: string): Promise<WorkspaceExport> {
    const relational = await this.dataSource.transaction('REPEATABLE READ', (manager) => this.readRelational(manager, workspaceId));
    const maps: WorkspaceExport['maps'] = [];
    for (const map of relational.mapRows) {
      const content = readMap(await this.yDoc(map.doc_name));
      maps.push({ id: map.id, title: map.title, archived: map.archived_at !== null, createdBy: map.created_by, createdAt: map.created_at.toISOString(), ...content });
    }
    const notebook = relational.notebookName ? (await this.yDoc(relational.notebookName)).getText('markdown').toJSON() : '';
    return { ...relational.data, maps, notebook: { markdown: notebook } };
  }

  private async yDoc(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const live = this.registry.get(name);
    if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live.doc));
    else for (const update of (await this.persistence.load(name)).updates) Y.applyUpdate(doc, update);
    return doc;
  }

  private async readRelational(manager: EntityManager, workspaceId: string) {
    const q = <T>(sql: string, params: unknown[] = [workspaceId]) => manager.query(sql, params) as Promise<T[]>;
    const [workspace] = await q<{ id: string; name: string; description: string; created_at: Date }>(`SELECT id, name, description, created_at FROM workspaces WHERE id = $1`);
    if (!workspace) throw new Error(`no workspace ${workspaceId}`);
    // Members now, and anyone who left a trace (an annotation, a comment, a map node) as a former member.
    const members = await q<{ id: string; display_name: string; role: WorkspaceExport['members'][number]['role'] }>(
      `SELECT u.id, u.display_name, m.role FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.workspace_id = $1
        WHERE m.user_id IS NOT NULL
           OR u.id IN (SELECT analyst_id FROM annotations WHERE workspace_id = $1)
           OR u.id IN (SELECT author_id FROM comments WHERE workspace_id = $1)
           OR u.id IN (SELECT created_by FROM argument_maps WHERE workspace_id = $1)
        ORDER BY u.display_name, u.id`,
    );
    const documents = await q<{ id: string; title: string; source: string | null; author: string | null; published_on: string | null; url: string | null; language: string | null; fields: Record<string, string>; source_filename: string | null; created_at: Date; text: string }>(
      `SELECT id, title, source, author, published_on::text, url, language, fields, source_filename, created_at, text FROM documents WHERE workspace_id = $1 ORDER BY created_at, id`,
    );
    const passages = await q<{ document_id: string; index: number; start: number; end: number }>(`SELECT document_id, index, start, "end" FROM passages WHERE workspace_id = $1 ORDER BY document_id, index`);
    const actors = await q<{ id: string; name: string; affiliation: string | null; description: string | null }>(`SELECT id, name, affiliation, description FROM actors WHERE workspace_id = $1 ORDER BY name, id`);
    const attributions = await q<{ id: string; actor_id: string; document_id: string; start: number; end: number }>(`SELECT id, actor_id, document_id, start, "end" FROM attributions WHERE workspace_id = $1 ORDER BY document_id, start, id`);
    const tags = await q<{ id: string; parent_id: string | null; position: number; name: string; color: string; definition: string; inclusion: string; exclusion: string; examples: string[] }>(
      `SELECT id, parent_id, position, name, color, definition, inclusion, exclusion, examples FROM tags WHERE workspace_id = $1 ORDER BY parent_id NULLS FIRST, position, id`,
    );
    const annotations = await q<{ id: string; document_id: string; start: number; end: number; exact: string; prefix: string; suffix: string; tag_ids: string[]; memo: string | null; kind: 'analyst' | 'consensus'; analyst_id: string | null; created_at: Date; updated_at: Date }>(
      `SELECT a.id, a.document_id, a.start, a."end", a.exact, a.prefix, a.suffix, ARRAY(SELECT t.tag_id::text FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY t.tag_id) AS tag_ids,
              a.memo, a.kind, a.analyst_id, a.created_at, a.updated_at
         FROM annotations a WHERE a.workspace_id = $1 ORDER BY a.document_id, a.start, a."end", a.id`,
    );
    const mapRows = await q<{ id: string; title: string; doc_name: string; created_by: string | null; created_at: Date; archived_at: Date | null }>(`SELECT id, title, doc_name, created_by, created_at, archived_at FROM argument_maps WHERE workspace_id = $1 ORDER BY created_at, id`);
    const threads = await q<AnchorColumns & { id: string; created_by: string | null; created_at: Date; resolved_at: Date | null; resolved_by: string | null }>(
      `SELECT id, anchor_kind, document_id, start, "end", exact, prefix, suffix, annotation_id, tag_id, map_id, element_id, evidence_id, label, created_by, created_at, resolved_at, resolved_by
         FROM threads WHERE workspace_id = $1 ORDER BY created_at, id`,
    );
    const comments = await q<{ id: string; thread_id: string; author_id: string | null; body: string; created_at: Date; edited_at: Date | null; deleted_at: Date | null }>(
      `SELECT id, thread_id, author_id, body, created_at, edited_at, deleted_at FROM comments WHERE workspace_id = $1 ORDER BY thread_id, created_at, id`,
    );
    const [notebook] = await q<{ name: string }>(`SELECT name FROM collab_documents WHERE workspace_id = $1 AND kind = 'notebook'`);

    const passagesOf = group(passages, (row) => row.document_id);
    const commentsOf = group(comments, (row) => row.thread_id);
    const data: Omit<WorkspaceExport, 'maps' | 'notebook'> = {
      formatVersion: EXPORT_FORMAT_VERSION,
      generator: `Marginalia ${APP_VERSION}`,
      exportedAt: new Date().toISOString(),
      workspace: { id: workspace.id, name: workspace.name, description: workspace.description, createdAt: workspace.created_at.toISOString() },
      members: members.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role })),
      documents: documents.map((row) => ({
        id: row.id,
        title: row.title,
        source: row.source,
        author: row.author,
        publishedOn: row.published_on,
        url: row.url,
        language: row.language,
        fields: row.fields,
        sourceFilename: row.source_filename,
        createdAt: row.created_at.toISOString(),
        text: row.text,
        passages: (passagesOf.get(row.id) ?? []).map(({ index, start, end }) => ({ index, start, end })),
      })),
      actors: actors.map((row) => ({ id: row.id, name: row.name, affiliation: row.affiliation, description: row.description })),
      attributions: attributions.map((row) => ({ id: row.id, actorId: row.actor_id, documentId: row.document_id, start: row.start, end: row.end })),
      codebook: { tags: tags.map((row) => ({ id: row.id, parentId: row.parent_id, position: row.position, name: row.name, color: row.color, definition: row.definition, inclusion: row.inclusion, exclusion: row.exclusion, examples: row.examples })) },
      annotations: annotations.map((row) => ({
        id: row.id,
        documentId: row.document_id,
        start: row.start,
        end: row.end,
        exact: row.exact,
        prefix: row.prefix,
        suffix: row.suffix,
        tagIds: row.tag_ids,
        memo: row.memo,
        kind: row.kind,
        analystId: row.analyst_id,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      })),
      threads: threads.map((row) => ({
        id: row.id,
        anchor: toThreadAnchor(row),
        orphaned: isOrphaned(row),
        createdBy: row.created_by,
        createdAt: row.created_at.toISOString(),
        resolvedAt: iso(row.resolved_at),
        resolvedBy: row.resolved_by,
        comments: (commentsOf.get(row.id) ?? []).map((comment) => ({
          id: comment.id,
          authorId: comment.author_id,
          body: comment.deleted_at ? '' : comment.body,
          createdAt: comment.created_at.toISOString(),
          editedAt: iso(comment.edited_at),
          deletedAt: iso(comment.deleted_at),
        })),
      })),
    };
    return { data, mapRows, notebookName: notebook?.name ?? null };
  }
}

/** Orphaned by a deleted target whose id the foreign key nulled (map elements are checked by the maps' content). */
function isOrphaned(row: { anchor_kind: string; document_id: string | null; annotation_id: string | null; tag_id: string | null; map_id: string | null }): boolean {
  switch (row.anchor_kind) {
    case 'text':
    case 'document':
      return row.document_id === null;
    case 'annotation':
      return row.annotation_id === null;
    case 'tag':
      return row.tag_id === null;
    case 'map-node':
    case 'map-edge':
    case 'ach-cell':
      return row.map_id === null;
    default:
      return false;
  }
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
