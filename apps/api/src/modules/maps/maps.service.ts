/**
 * Argument maps as a list: create (a map row and its collaborative document together),
 * rename, archive, duplicate (a copy of the document's current state), delete, and the
 * citations projected from every map. The content itself changes only through the real-time
 * core, checked by the map guard.
 */
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { canPerform, readMap, type ArgumentMap, type MapCitation, type MapSnapshot, type UpdateArgumentMapBody } from '@marginalia/shared';
import { AuditService } from '../audit/audit.service.js';
import { CollabPersistence } from '../collab/collab-persistence.service.js';
import { DocumentRegistry } from '../collab/document-registry.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import { MAP_COLUMNS, toArgumentMapDto, type ArgumentMapRow } from './map-rows.js';

export interface MapCaller {
  member: WorkspaceMember;
  userId: string;
}

@Injectable()
export class MapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly persistence: CollabPersistence,
    private readonly registry: DocumentRegistry,
  ) {}

  async list(workspaceId: string, includeArchived: boolean): Promise<ArgumentMap[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${MAP_COLUMNS} FROM argument_maps m WHERE m.workspace_id = $1 ${includeArchived ? '' : 'AND m.archived_at IS NULL'} ORDER BY m.updated_at DESC, m.id`,
      [workspaceId],
    )) as ArgumentMapRow[];
    return rows.map(toArgumentMapDto);
  }

  async get(workspaceId: string, mapId: string): Promise<ArgumentMap> {
    return toArgumentMapDto(await this.existing(this.dataSource.manager, workspaceId, mapId));
  }

  /** A new, empty map; `initialState` (a Yjs update) seeds its content (duplicates, demo data). */
  async create(caller: MapCaller, title: string, initialState?: Uint8Array, manager?: EntityManager): Promise<ArgumentMap> {
    const workspaceId = caller.member.workspaceId;
    const work = async (tx: EntityManager) => {
      const docName = `map-${randomBytes(12).toString('base64url')}`;
      await tx.query(`INSERT INTO collab_documents (name, workspace_id, kind) VALUES ($1, $2, 'map')`, [docName, workspaceId]);
      if (initialState) await tx.query(`INSERT INTO collab_updates (document_name, "update") VALUES ($1, $2)`, [docName, Buffer.from(initialState)]);
      const counts = initialState ? countsOf(initialState) : { nodes: 0, edges: 0 };
      const [row] = (await tx.query(
        `INSERT INTO argument_maps (workspace_id, title, doc_name, created_by, node_count, edge_count) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, title, doc_name, created_by, created_at, updated_at, archived_at, node_count, edge_count`,
        [workspaceId, title, docName, caller.userId, counts.nodes, counts.edges],
      )) as ArgumentMapRow[];
      await this.audit.record(tx, { workspaceId, actorId: caller.userId, action: 'map.created', details: { mapId: row!.id, title } });
      return toArgumentMapDto(row!);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  async update(caller: MapCaller, mapId: string, changes: UpdateArgumentMapBody): Promise<ArgumentMap> {
    const workspaceId = caller.member.workspaceId;
    return this.dataSource.transaction(async (manager) => {
      const before = await this.existing(manager, workspaceId, mapId, true);
      const [updated] = (await manager.query(
        `UPDATE argument_maps m SET title = coalesce($3, m.title),
                archived_at = CASE WHEN $4::boolean IS NULL THEN m.archived_at WHEN $4 THEN coalesce(m.archived_at, now()) ELSE NULL END,
                updated_at = now()
          WHERE m.workspace_id = $1 AND m.id = $2 RETURNING ${MAP_COLUMNS}`,
        [workspaceId, mapId, changes.title ?? null, changes.archived ?? null],
      )) as [ArgumentMapRow[], number]; // TypeORM answers an UPDATE with [rows, count]
      const after = updated[0]!;
      if (changes.title !== undefined && changes.title !== before.title) {
        await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'map.renamed', details: { mapId, previousTitle: before.title, title: after.title } });
      }
      if (changes.archived !== undefined && changes.archived !== (before.archived_at !== null)) {
        await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: changes.archived ? 'map.archived' : 'map.unarchived', details: { mapId, title: after.title } });
      }
      return toArgumentMapDto(after);
    });
  }

  async duplicate(caller: MapCaller, mapId: string, title?: string): Promise<ArgumentMap> {
    const workspaceId = caller.member.workspaceId;
    const source = await this.existing(this.dataSource.manager, workspaceId, mapId);
    const state = await this.currentState(source.doc_name);
    return this.dataSource.transaction(async (manager) => {
      const copy = await this.create(caller, title ?? `${source.title} (copy)`, state, manager);
      await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'map.duplicated', details: { mapId: copy.id, fromMapId: mapId } });
      return copy;
    });
  }

  /** Editors delete maps they created; admins any. The document and its history go with it. */
  async remove(caller: MapCaller, mapId: string): Promise<void> {
    const workspaceId = caller.member.workspaceId;
    await this.dataSource.transaction(async (manager) => {
      const map = await this.existing(manager, workspaceId, mapId, true);
      if (map.created_by !== caller.userId && !canPerform(caller.member.role, 'maps.manage')) {
        throw new ForbiddenException('only the member who created this map, or an admin, may delete it');
      }
      await manager.query(`DELETE FROM argument_maps WHERE id = $1`, [mapId]);
      await manager.query(`DELETE FROM collab_documents WHERE name = $1`, [map.doc_name]);
      await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'map.deleted', details: { mapId, title: map.title } });
    });
  }

  async citations(workspaceId: string, filter: { documentId?: string; mapId?: string }): Promise<MapCitation[]> {
    const params: unknown[] = [workspaceId];
    const conditions = ['c.workspace_id = $1'];
    if (filter.documentId) conditions.push(`c.document_id = $${params.push(filter.documentId)}`);
    if (filter.mapId) conditions.push(`c.map_id = $${params.push(filter.mapId)}`);
    const rows = (await this.dataSource.query(
      `SELECT c.map_id, m.title AS map_title, c.node_id, c.node_kind, c.node_text, c.link_id, c.document_id, c.start, c."end", c.exact, c.annotation_id
         FROM map_citations c JOIN argument_maps m ON m.id = c.map_id
        WHERE ${conditions.join(' AND ')} AND m.archived_at IS NULL
        ORDER BY c.document_id, c.start, m.title, c.node_id`,
      params,
    )) as { map_id: string; map_title: string; node_id: string; node_kind: MapCitation['nodeKind']; node_text: string; link_id: string; document_id: string; start: number; end: number; exact: string; annotation_id: string | null }[];
    return rows.map((row) => ({
      mapId: row.map_id,
      mapTitle: row.map_title,
      nodeId: row.node_id,
      nodeKind: row.node_kind,
      nodeText: row.node_text,
      linkId: row.link_id,
      documentId: row.document_id,
      start: row.start,
      end: row.end,
      exact: row.exact,
      annotationId: row.annotation_id,
    }));
  }

  /** The map's content now (live on this node, or as stored): for checks that cannot wait for the projection. */
  async snapshot(workspaceId: string, mapId: string): Promise<{ map: ArgumentMap; content: MapSnapshot }> {
    const row = await this.existing(this.dataSource.manager, workspaceId, mapId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.currentState(row.doc_name));
    const content = readMap(doc);
    doc.destroy();
    return { map: toArgumentMapDto(row), content };
  }

  /** The document as this node has it live, or as stored. */
  private async currentState(docName: string): Promise<Uint8Array> {
    const live = this.registry.get(docName);
    if (live) return Y.encodeStateAsUpdate(live.doc);
    const stored = await this.persistence.load(docName);
    return Y.mergeUpdates(stored.updates);
  }

  private async existing(manager: EntityManager, workspaceId: string, mapId: string, lock = false): Promise<ArgumentMapRow> {
    const rows = (await manager.query(`SELECT ${MAP_COLUMNS} FROM argument_maps m WHERE m.workspace_id = $1 AND m.id = $2 ${lock ? 'FOR UPDATE' : ''}`, [workspaceId, mapId])) as ArgumentMapRow[];
    if (!rows[0]) throw new NotFoundException('map not found');
    return rows[0];
  }
}

function countsOf(state: Uint8Array): { nodes: number; edges: number } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const counts = { nodes: doc.getMap('nodes').size, edges: doc.getMap('edges').size };
  doc.destroy();
  return counts;
}
