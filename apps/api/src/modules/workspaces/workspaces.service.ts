/**
 * Workspaces: creation (the creator becomes owner), settings, archiving, deletion and
 * ownership transfer. Every change is audited in the same transaction.
 */
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Workspace as WorkspaceDto, WorkspaceRole } from '@marginalia/shared';
import { AuditService } from '../audit/audit.service.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { lockMemberships, lockedRoleOf } from './membership-lock.js';
import { Membership } from './membership.entity.js';
import { Workspace } from './workspace.entity.js';

interface WorkspaceRow {
  id: string;
  name: string;
  description: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  role: WorkspaceRole;
  member_count: string;
}

const SELECT_WITH_ROLE = `
  SELECT w.id, w.name, w.description, w.archived_at, w.created_at, w.updated_at, m.role,
         (SELECT count(*) FROM memberships c WHERE c.workspace_id = w.id) AS member_count
    FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.user_id = $1`;

function toDto(row: WorkspaceRow): WorkspaceDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    myRole: row.role,
    memberCount: Number(row.member_count),
  };
}

@Injectable()
export class WorkspacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly instanceAudit: InstanceAuditService,
  ) {}

  async create(userId: string, input: { name: string; description?: string }): Promise<WorkspaceDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const workspace = await manager.save(manager.create(Workspace, { name: input.name, description: input.description ?? '', archivedAt: null }));
      await manager.insert(Membership, { workspaceId: workspace.id, userId, role: 'owner' });
      await this.audit.record(manager, { workspaceId: workspace.id, actorId: userId, action: 'workspace.created', details: { name: input.name } });
      return workspace.id;
    });
    return await this.getForMember(id, userId);
  }

  async listForUser(userId: string): Promise<WorkspaceDto[]> {
    const rows = (await this.dataSource.query(`${SELECT_WITH_ROLE} ORDER BY w.archived_at NULLS FIRST, lower(w.name), w.id`, [userId])) as WorkspaceRow[];
    return rows.map(toDto);
  }

  async getForMember(workspaceId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceDto> {
    const rows = (await manager.query(`${SELECT_WITH_ROLE} WHERE w.id = $2`, [userId, workspaceId])) as WorkspaceRow[];
    const row = rows[0];
    if (!row) throw new NotFoundException('workspace not found');
    return toDto(row);
  }

  async update(workspaceId: string, actorId: string, changes: { name?: string; description?: string }): Promise<WorkspaceDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneByOrFail(Workspace, { id: workspaceId });
      const patch: Partial<Workspace> = {};
      const details: Record<string, unknown> = {};
      if (changes.name !== undefined && changes.name !== before.name) {
        patch.name = changes.name;
        details.name = { from: before.name, to: changes.name };
      }
      if (changes.description !== undefined && changes.description !== before.description) {
        patch.description = changes.description;
        details.description = { from: before.description, to: changes.description };
      }
      if (Object.keys(patch).length === 0) return;
      await manager.update(Workspace, { id: workspaceId }, patch);
      await this.audit.record(manager, { workspaceId, actorId, action: 'workspace.updated', details });
    });
    return await this.getForMember(workspaceId, actorId);
  }

  async setArchived(workspaceId: string, actorId: string, archived: boolean): Promise<WorkspaceDto> {
    await this.dataSource.transaction((manager) => this.applyArchived(manager, workspaceId, actorId, archived));
    return await this.getForMember(workspaceId, actorId);
  }

  /** Archives or restores inside the caller's transaction (owners here, instance admins in the admin console). */
  async applyArchived(manager: EntityManager, workspaceId: string, actorId: string, archived: boolean): Promise<boolean> {
    const workspace = await manager.findOneByOrFail(Workspace, { id: workspaceId });
    if ((workspace.archivedAt !== null) === archived) return false;
    await manager.update(Workspace, { id: workspaceId }, { archivedAt: archived ? new Date() : null });
    await this.audit.record(manager, { workspaceId, actorId, action: archived ? 'workspace.archived' : 'workspace.unarchived' });
    return true;
  }

  /**
   * Deletes the workspace and, through foreign keys, everything in it. The instance audit log
   * keeps its name and who deleted it (the workspace's own log goes with it).
   */
  async remove(workspaceId: string, actorId: string, ip: string | null, manager?: EntityManager): Promise<void> {
    const run = async (inner: EntityManager): Promise<void> => {
      const workspace = await inner.findOneBy(Workspace, { id: workspaceId });
      if (!workspace) return;
      await inner.delete(Workspace, { id: workspaceId });
      await this.instanceAudit.record({ actorId, action: 'workspace.deleted', subject: { type: 'workspace', id: workspaceId, label: workspace.name }, ip }, inner);
    };
    if (manager) await run(manager);
    else await this.dataSource.transaction(run);
  }

  /**
   * An instance admin hands a workspace to someone when its owners have left: the new owner
   * joins (or is promoted) as owner and owners whose accounts are disabled step down to admin.
   */
  async assignOwner(manager: EntityManager, workspaceId: string, actorId: string, newOwnerId: string, disabledOwnerIds: string[]): Promise<void> {
    const memberships = await lockMemberships(manager, workspaceId);
    const existing = memberships.find((membership) => membership.userId === newOwnerId);
    if (existing) await manager.update(Membership, { workspaceId, userId: newOwnerId }, { role: 'owner' });
    else await manager.insert(Membership, { workspaceId, userId: newOwnerId, role: 'owner' });
    for (const ownerId of disabledOwnerIds) {
      if (ownerId !== newOwnerId) await manager.update(Membership, { workspaceId, userId: ownerId }, { role: 'admin' });
    }
    await this.audit.record(manager, {
      workspaceId,
      actorId,
      action: 'workspace.ownershipTransferred',
      details: { from: disabledOwnerIds, to: newOwnerId, previousRoleOfNewOwner: existing?.role ?? null, byInstanceAdmin: true },
    });
  }

  /** The target member becomes owner; the caller steps down to admin. */
  async transferOwnership(workspaceId: string, actorId: string, targetUserId: string): Promise<WorkspaceDto> {
    if (targetUserId === actorId) throw new BadRequestException('you already own this workspace');
    await this.dataSource.transaction(async (manager) => {
      const memberships = await lockMemberships(manager, workspaceId);
      if (lockedRoleOf(memberships, actorId) !== 'owner') throw new ForbiddenException('only an owner can transfer ownership');
      const target = memberships.find((membership) => membership.userId === targetUserId);
      if (!target) throw new NotFoundException('that user is not a member of this workspace');
      await manager.update(Membership, { workspaceId, userId: targetUserId }, { role: 'owner' });
      await manager.update(Membership, { workspaceId, userId: actorId }, { role: 'admin' });
      await this.audit.record(manager, {
        workspaceId,
        actorId,
        action: 'workspace.ownershipTransferred',
        details: { from: actorId, to: targetUserId, previousRoleOfNewOwner: target.role },
      });
    });
    return await this.getForMember(workspaceId, actorId);
  }
}
