/**
 * Who may open and edit which collaborative document, decided by the same WORKSPACE_POLICY
 * table as REST. Every join and subscription asks here; when a workspace event says roles
 * or membership changed, the gateway asks again for the sockets concerned.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIONS_BLOCKED_WHEN_ARCHIVED, COLLAB_EDIT_ACTIONS, canPerform, type WorkspaceRole } from '@marginalia/shared';
import { DataSource } from 'typeorm';
import { readStanding } from '../workspaces/workspace-access.js';
import type { CollabDocumentKind } from './collab-document.entity.js';

export interface DocumentAccess {
  workspaceId: string;
  kind: CollabDocumentKind;
  readOnly: boolean;
}

export interface WorkspaceStanding {
  role: WorkspaceRole;
  archived: boolean;
}

@Injectable()
export class CollabAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** null when the document does not exist or the user may not read it: both answer not_found. */
  async forDocument(userId: string, name: string): Promise<DocumentAccess | null> {
    const rows = (await this.dataSource.query(
      `SELECT d.workspace_id, d.kind, m.role, w.archived_at IS NOT NULL AS archived
         FROM collab_documents d
         JOIN workspaces w ON w.id = d.workspace_id
         JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = $2
        WHERE d.name = $1`,
      [name, userId],
    )) as { workspace_id: string; kind: CollabDocumentKind; role: WorkspaceRole; archived: boolean }[];
    const row = rows[0];
    if (!row || !canPerform(row.role, 'content.read')) return null;
    return { workspaceId: row.workspace_id, kind: row.kind, readOnly: isReadOnly(row.kind, { role: row.role, archived: row.archived }) };
  }

  async standing(userId: string, workspaceId: string): Promise<WorkspaceStanding | null> {
    return readStanding(this.dataSource, workspaceId, userId);
  }

}

export function isReadOnly(kind: CollabDocumentKind, standing: WorkspaceStanding): boolean {
  const action = COLLAB_EDIT_ACTIONS[kind];
  return !canPerform(standing.role, action) || (standing.archived && ACTIONS_BLOCKED_WHEN_ARCHIVED.has(action));
}
