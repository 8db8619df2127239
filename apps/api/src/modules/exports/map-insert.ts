/**
 * Stores a new argument map whose content was built in a Yjs document (with the shared map edit
 * functions, so later edits apply on top of it): its collaborative document and first update,
 * its row, and its projection into SQL. For imports, inside their transaction.
 */
import { randomBytes } from 'node:crypto';
import { readMap } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { writeMapProjection } from '../maps/map-projection.js';

export interface NewMapRecord {
  id: string;
  workspaceId: string;
  title: string;
  createdBy: string;
  archived: boolean;
}

export async function insertMap(manager: EntityManager, map: NewMapRecord, doc: Y.Doc): Promise<void> {
  const docName = `map-${randomBytes(12).toString('base64url')}`;
  await manager.query(`INSERT INTO collab_documents (name, workspace_id, kind) VALUES ($1, $2, 'map')`, [docName, map.workspaceId]);
  await manager.query(`INSERT INTO collab_updates (document_name, "update") VALUES ($1, $2)`, [docName, Buffer.from(Y.encodeStateAsUpdate(doc))]);
  await manager.query(`INSERT INTO argument_maps (id, workspace_id, title, doc_name, created_by, archived_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    map.id,
    map.workspaceId,
    map.title,
    docName,
    map.createdBy,
    map.archived ? new Date() : null,
  ]);
  await writeMapProjection(manager, docName, map.workspaceId, readMap(doc));
}
