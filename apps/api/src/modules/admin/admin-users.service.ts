/**
 * Instance-wide account administration: finding accounts, disabling and re-enabling them,
 * promoting and demoting instance admins (never the last active one), and seeing where they
 * belong. Removing an account lives in AccountRemoval. Every change is in the instance audit log.
 */
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AdminUser, AdminUserMembership, AdminUserQuery } from '@marginalia/shared';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { CredentialRevocations } from '../auth/credential-revocations.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';

export const LAST_ADMIN_MESSAGE = 'the instance must keep at least one active administrator: make someone else an administrator first';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  is_instance_admin: boolean;
  disabled_at: Date | null;
  created_at: Date;
  last_seen_at: Date | null;
  workspace_count: number;
}

const SELECT_USERS = `
  SELECT u.id, u.email, u.display_name, u.is_instance_admin, u.disabled_at, u.created_at,
         (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS last_seen_at,
         (SELECT count(*)::int FROM memberships m WHERE m.user_id = u.id) AS workspace_count
    FROM users u`;

function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    isInstanceAdmin: row.is_instance_admin,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    workspaceCount: row.workspace_count,
  };
}

/** Escapes LIKE wildcards so a search for "50%" finds that text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Locks the active admins (in id order, so two demotions at once queue rather than both pass)
 * and refuses when `leaving` is the last of them.
 */
export async function assertNotLastActiveAdmin(manager: EntityManager, leaving: string): Promise<void> {
  const admins = (await manager.query('SELECT id FROM users WHERE is_instance_admin AND disabled_at IS NULL ORDER BY id FOR UPDATE')) as { id: string }[];
  if (admins.some((admin) => admin.id === leaving) && admins.length <= 1) throw new ConflictException(LAST_ADMIN_MESSAGE);
}

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revocations: CredentialRevocations,
    private readonly audit: InstanceAuditService,
  ) {}

  async list(query: AdminUserQuery = { filter: 'all' }): Promise<AdminUser[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.q) {
      parameters.push(likePattern(query.q));
      conditions.push(`(u.email ILIKE $${parameters.length} OR u.display_name ILIKE $${parameters.length})`);
    }
    if (query.filter === 'admins') conditions.push('u.is_instance_admin');
    if (query.filter === 'disabled') conditions.push('u.disabled_at IS NOT NULL');
    if (query.filter === 'active') conditions.push('u.disabled_at IS NULL');
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const rows = (await this.dataSource.query(`${SELECT_USERS}${where} ORDER BY u.created_at, u.id`, parameters)) as UserRow[];
    return rows.map(toAdminUser);
  }

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<AdminUser> {
    const rows = (await manager.query(`${SELECT_USERS} WHERE u.id = $1`, [userId])) as UserRow[];
    if (!rows[0]) throw new NotFoundException('user not found');
    return toAdminUser(rows[0]);
  }

  /**
   * Disabling ends every session at once (rows deleted). Tokens are kept but refused while the
   * account is disabled, so re-enabling restores the user's scripts.
   */
  async setDisabled(actorId: string, userId: string, disabled: boolean, ip: string | null = null): Promise<AdminUser> {
    if (actorId === userId && disabled) throw new BadRequestException('you cannot disable your own account');
    const changed = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new NotFoundException('user not found');
      if (disabled && user.isInstanceAdmin) await assertNotLastActiveAdmin(manager, userId);
      if (disabled !== (user.disabledAt !== null)) {
        await manager.update(User, { id: userId }, { disabledAt: disabled ? new Date() : null });
        await this.audit.record({ actorId, action: disabled ? 'user.disabled' : 'user.enabled', subject: { type: 'user', id: userId, label: user.email }, ip }, manager);
      }
      if (disabled) await manager.delete(Session, { userId });
      return await this.get(userId, manager);
    });
    // Their open sockets (tokens included) are re-checked now, not at the next periodic check.
    if (disabled) this.revocations.revoked(userId);
    return changed;
  }

  /** Promotes or demotes an instance admin; the last active one cannot be demoted (409). */
  async setInstanceAdmin(actorId: string, userId: string, isInstanceAdmin: boolean, ip: string | null): Promise<AdminUser> {
    return await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new NotFoundException('user not found');
      if (user.isInstanceAdmin === isInstanceAdmin) return await this.get(userId, manager);
      if (isInstanceAdmin && user.disabledAt !== null) throw new ConflictException('this account is disabled: enable it before making it an administrator');
      if (!isInstanceAdmin) await assertNotLastActiveAdmin(manager, userId);
      await manager.update(User, { id: userId }, { isInstanceAdmin });
      await this.audit.record({ actorId, action: isInstanceAdmin ? 'user.promoted' : 'user.demoted', subject: { type: 'user', id: userId, label: user.email }, ip }, manager);
      return await this.get(userId, manager);
    });
  }

  /** The workspaces a user belongs to, with their role, and which of them only they own. */
  async memberships(userId: string, manager: EntityManager = this.dataSource.manager): Promise<AdminUserMembership[]> {
    if (!(await manager.existsBy(User, { id: userId }))) throw new NotFoundException('user not found');
    const rows = (await manager.query(
      `SELECT w.id, w.name, m.role, w.archived_at IS NOT NULL AS archived,
              (SELECT count(*)::int FROM memberships c WHERE c.workspace_id = w.id) AS member_count,
              (m.role = 'owner' AND NOT EXISTS (
                 SELECT 1 FROM memberships o JOIN users ou ON ou.id = o.user_id
                  WHERE o.workspace_id = w.id AND o.role = 'owner' AND o.user_id <> $1 AND ou.disabled_at IS NULL)) AS sole_owner
         FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.user_id = $1
        ORDER BY lower(w.name), w.id`,
      [userId],
    )) as { id: string; name: string; role: AdminUserMembership['role']; archived: boolean; member_count: number; sole_owner: boolean }[];
    return rows.map((row) => ({
      workspaceId: row.id,
      workspaceName: row.name,
      role: row.role,
      archived: row.archived,
      soleOwner: row.sole_owner,
      memberCount: row.member_count,
    }));
  }
}
