/**
 * The workspaces overview: every workspace with its owners, counts, storage, last activity and
 * state, and what an instance admin may do to one they may not belong to: archive, restore,
 * delete (typing its name), hand it to a new owner, or join an orphaned one as owner. The
 * changes themselves are WorkspacesService's (the same code owners use); this adds the instance
 * audit entry.
 */
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AdminWorkspace, AdminWorkspaceQuery, AdminWorkspaceSort, WorkspaceRole } from '@marginalia/shared';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { User } from '../auth/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import { likePattern } from './admin-users.service.js';

/**
 * Storage is what the workspace's data weighs as stored, cheaply: document text, uploads waiting
 * in the import queue, and collaborative documents (snapshots and pending updates). Indexes and
 * search vectors are left out (they are derived). octet_length of a text or bytea value reads
 * its stored size from the TOAST pointer without decompressing it, so this scans rows, not bytes.
 */
export const WORKSPACE_STATS_SQL = `
  SELECT w.id, w.name, w.archived_at, w.created_at,
         coalesce(docs.n, 0)::int AS document_count,
         coalesce(docs.bytes, 0)::bigint + coalesce(uploads.bytes, 0)::bigint + coalesce(collab.bytes, 0)::bigint AS storage_bytes,
         (SELECT count(*)::int FROM annotations a WHERE a.workspace_id = w.id) AS annotation_count,
         (SELECT count(*)::int FROM memberships m WHERE m.workspace_id = w.id) AS member_count,
         greatest(w.updated_at, docs.last_at, (SELECT max(e.created_at) FROM audit_entries e WHERE e.workspace_id = w.id),
                  (SELECT max(a.updated_at) FROM annotations a WHERE a.workspace_id = w.id), collab.last_at) AS last_activity_at,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'email', u.email, 'disabled', u.disabled_at IS NOT NULL) ORDER BY u.display_name)
                     FROM memberships o JOIN users u ON u.id = o.user_id WHERE o.workspace_id = w.id AND o.role = 'owner'), '[]') AS owners,
         (SELECT role FROM memberships me WHERE me.workspace_id = w.id AND me.user_id = $1) AS my_role
    FROM workspaces w
    LEFT JOIN LATERAL (SELECT count(*) AS n, sum(octet_length(d.text)) AS bytes, max(d.updated_at) AS last_at FROM documents d WHERE d.workspace_id = w.id) docs ON true
    LEFT JOIN LATERAL (SELECT sum(octet_length(iu.content)) AS bytes FROM import_uploads iu JOIN import_jobs j ON j.id = iu.job_id WHERE j.workspace_id = w.id) uploads ON true
    LEFT JOIN LATERAL (
      SELECT coalesce((SELECT sum(octet_length(s.state)) FROM collab_snapshots s JOIN collab_documents cd ON cd.name = s.document_name WHERE cd.workspace_id = w.id), 0)
           + coalesce((SELECT sum(octet_length(cu.update)) FROM collab_updates cu JOIN collab_documents cd ON cd.name = cu.document_name WHERE cd.workspace_id = w.id), 0) AS bytes,
             (SELECT max(cu.created_at) FROM collab_updates cu JOIN collab_documents cd ON cd.name = cu.document_name WHERE cd.workspace_id = w.id) AS last_at
    ) collab ON true`;

interface Row {
  id: string;
  name: string;
  archived_at: Date | null;
  created_at: Date;
  document_count: number;
  storage_bytes: string;
  annotation_count: number;
  member_count: number;
  last_activity_at: Date;
  owners: { id: string; displayName: string; email: string; disabled: boolean }[];
  my_role: WorkspaceRole | null;
}

function toDto(row: Row): AdminWorkspace {
  const orphaned = !row.owners.some((owner) => !owner.disabled);
  return {
    id: row.id,
    name: row.name,
    owners: row.owners,
    memberCount: row.member_count,
    documentCount: row.document_count,
    annotationCount: row.annotation_count,
    storageBytes: Number(row.storage_bytes),
    lastActivityAt: row.last_activity_at.toISOString(),
    state: row.archived_at !== null ? 'archived' : orphaned ? 'orphaned' : 'active',
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    myRole: row.my_role,
  };
}

const SORTS: Record<AdminWorkspaceSort, (workspace: AdminWorkspace) => string | number> = {
  name: (workspace) => workspace.name.toLowerCase(),
  lastActivity: (workspace) => workspace.lastActivityAt,
  storage: (workspace) => workspace.storageBytes,
  members: (workspace) => workspace.memberCount,
  documents: (workspace) => workspace.documentCount,
  created: (workspace) => workspace.createdAt,
};

@Injectable()
export class AdminWorkspacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workspaces: WorkspacesService,
    private readonly audit: InstanceAuditService,
  ) {}

  /** Filtering and sorting happen here, in memory: an instance holds hundreds of workspaces, not millions. */
  async list(adminId: string, query: AdminWorkspaceQuery): Promise<AdminWorkspace[]> {
    const parameters: unknown[] = [adminId];
    let where = '';
    if (query.q) {
      parameters.push(likePattern(query.q));
      where = ` WHERE w.name ILIKE $2 OR EXISTS (SELECT 1 FROM memberships o JOIN users u ON u.id = o.user_id WHERE o.workspace_id = w.id AND o.role = 'owner' AND (u.email ILIKE $2 OR u.display_name ILIKE $2))`;
    }
    const rows = (await this.dataSource.query(`${WORKSPACE_STATS_SQL}${where}`, parameters)) as Row[];
    const key = SORTS[query.sort];
    const sign = query.direction === 'asc' ? 1 : -1;
    return rows
      .map(toDto)
      .filter((workspace) => query.state === 'all' || workspace.state === query.state)
      .sort((a, b) => {
        const [left, right] = [key(a), key(b)];
        return (left < right ? -1 : left > right ? 1 : a.id < b.id ? -1 : 1) * sign;
      });
  }

  async get(adminId: string, workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<AdminWorkspace> {
    const rows = (await manager.query(`${WORKSPACE_STATS_SQL} WHERE w.id = $2`, [adminId, workspaceId])) as Row[];
    if (!rows[0]) throw new NotFoundException('workspace not found');
    return toDto(rows[0]);
  }

  async setArchived(adminId: string, workspaceId: string, archived: boolean, ip: string | null): Promise<AdminWorkspace> {
    return await this.dataSource.transaction(async (manager) => {
      const workspace = await this.lock(manager, workspaceId);
      if (await this.workspaces.applyArchived(manager, workspaceId, adminId, archived)) {
        await this.audit.record({ actorId: adminId, action: archived ? 'workspace.archived' : 'workspace.restored', subject: { type: 'workspace', id: workspaceId, label: workspace.name }, ip }, manager);
      }
      return await this.get(adminId, workspaceId, manager);
    });
  }

  async remove(adminId: string, workspaceId: string, confirmName: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const workspace = await this.lock(manager, workspaceId);
      if (confirmName.trim() !== workspace.name.trim()) throw new BadRequestException(`type the workspace's name ("${workspace.name}") to confirm`);
      await this.workspaces.remove(workspaceId, adminId, ip, manager);
    });
  }

  /**
   * Hands the workspace to `newOwnerId` (joining as owner if not a member); owners whose accounts
   * are disabled step down to admin. With the admin's own id this is "add me as owner", which is
   * only for a workspace that has no active owner left (otherwise ask its owners).
   */
  async assignOwner(adminId: string, workspaceId: string, newOwnerId: string, ip: string | null): Promise<AdminWorkspace> {
    return await this.dataSource.transaction(async (manager) => {
      const workspace = await this.lock(manager, workspaceId);
      const newOwner = await manager.findOneBy(User, { id: newOwnerId });
      if (!newOwner) throw new NotFoundException('user not found');
      if (newOwner.disabledAt !== null) throw new BadRequestException(`${newOwner.email} is disabled and cannot own a workspace`);
      const owners = (await manager.query(`SELECT m.user_id, u.disabled_at IS NOT NULL AS disabled FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.role = 'owner'`, [
        workspaceId,
      ])) as { user_id: string; disabled: boolean }[];
      if (owners.some((owner) => owner.user_id === newOwnerId)) throw new ConflictException(`${newOwner.email} already owns this workspace`);
      const joining = newOwnerId === adminId;
      if (joining && owners.some((owner) => !owner.disabled)) throw new ConflictException('this workspace still has an active owner: ask them to add you, or transfer ownership');
      await this.workspaces.assignOwner(
        manager,
        workspaceId,
        adminId,
        newOwnerId,
        owners.filter((owner) => owner.disabled).map((owner) => owner.user_id),
      );
      await this.audit.record(
        { actorId: adminId, action: joining ? 'workspace.adminJoined' : 'workspace.ownershipTransferred', subject: { type: 'workspace', id: workspaceId, label: workspace.name }, details: { to: newOwner.email }, ip },
        manager,
      );
      return await this.get(adminId, workspaceId, manager);
    });
  }

  private async lock(manager: EntityManager, workspaceId: string): Promise<Workspace> {
    const workspace = await manager.createQueryBuilder(Workspace, 'w').setLock('pessimistic_write').where('w.id = :workspaceId', { workspaceId }).getOne();
    if (!workspace) throw new NotFoundException('workspace not found');
    return workspace;
  }
}
