/**
 * Membership changes. Invariants kept here, under a row lock on the workspace's memberships:
 * a workspace always has at least one owner, and only owners grant, change or remove the
 * owner role.
 */
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BULK_INVITE_MAX_LINES, parseBulkInvite, type AddMemberResult, type BulkInviteLineResult, type BulkInviteResult, type Member, type WorkspaceRole } from '@marginalia/shared';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../auth/user.entity.js';
import { InvitesService } from './invites.service.js';
import { lockMemberships, lockedRoleOf } from './membership-lock.js';
import { Membership } from './membership.entity.js';
import type { WorkspaceMember } from './workspace-access.js';

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: WorkspaceRole;
  created_at: Date;
}

const SELECT_MEMBERS = `
  SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
    FROM memberships m JOIN users u ON u.id = m.user_id
   WHERE m.workspace_id = $1`;

const ROLE_ORDER = `array_position(ARRAY['owner','admin','editor','commenter','viewer'], m.role)`;

function toMember(row: MemberRow): Member {
  return { userId: row.user_id, email: row.email, displayName: row.display_name, role: row.role, joinedAt: row.created_at.toISOString() };
}

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly invites: InvitesService,
  ) {}

  async list(workspaceId: string): Promise<Member[]> {
    const rows = (await this.dataSource.query(`${SELECT_MEMBERS} ORDER BY ${ROLE_ORDER}, lower(u.display_name), u.id`, [workspaceId])) as MemberRow[];
    return rows.map(toMember);
  }

  /**
   * Invites the email, account or not: the answer is the same invite either way, so it does not
   * tell who has an account, and nobody becomes a member without accepting. Only an email that
   * is already a member here is refused (the inviter can see the member list anyway).
   */
  async add(actor: WorkspaceMember, actorId: string, input: { email: string; role: WorkspaceRole }, origin: string): Promise<AddMemberResult> {
    return await this.dataSource.transaction(async (manager) => {
      // Concurrent adds of the same email must give one live invite and 409s, not several links.
      const actorRole = lockedRoleOf(await lockMemberships(manager, actor.workspaceId), actorId);
      assertMayAssign(actorRole, input.role);
      const user = await manager.findOneBy(User, { email: input.email });
      if (user && (await manager.existsBy(Membership, { workspaceId: actor.workspaceId, userId: user.id }))) {
        throw new ConflictException(`${input.email} is already a member of this workspace`);
      }
      const created = await this.invites.create(manager, { workspaceId: actor.workspaceId, email: input.email, role: input.role, invitedById: actorId }, origin);
      return { kind: 'invite', ...created };
    });
  }

  /**
   * Bulk invite, line by line: every valid line is invited, every other one skipped with the
   * reason, all in one transaction under the membership lock (so the report is exactly what
   * happened). A list longer than BULK_INVITE_MAX_LINES is refused whole.
   */
  async bulkInvite(actor: WorkspaceMember, actorId: string, input: { text: string; role: WorkspaceRole }, origin: string): Promise<BulkInviteResult> {
    const entries = parseBulkInvite(input.text, input.role);
    if (entries.length === 0) throw new BadRequestException('the list is empty: paste one email per line');
    if (entries.length > BULK_INVITE_MAX_LINES) throw new BadRequestException(`at most ${BULK_INVITE_MAX_LINES} people per bulk invite; this list has ${entries.length}`);
    return await this.dataSource.transaction(async (manager) => {
      const actorRole = lockedRoleOf(await lockMemberships(manager, actor.workspaceId), actorId);
      const members = new Set(((await manager.query(`SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1`, [actor.workspaceId])) as { email: string }[]).map((row) => row.email));
      let emailed = false;
      const lines: BulkInviteLineResult[] = [];
      for (const entry of entries) {
        const skip = (reason: string) => lines.push({ line: entry.line, input: entry.input, email: entry.email, role: entry.role, status: 'skipped', reason, inviteUrl: null });
        if (entry.error !== null || entry.email === null || entry.role === null) {
          skip(entry.error ?? 'not a valid line');
          continue;
        }
        if (entry.role === 'owner' && actorRole !== 'owner') {
          skip('only an owner can make someone an owner');
          continue;
        }
        if (members.has(entry.email)) {
          skip('already a member of this workspace');
          continue;
        }
        const created = await this.invites.create(manager, { workspaceId: actor.workspaceId, email: entry.email, role: entry.role, invitedById: actorId }, origin);
        emailed ||= created.emailed;
        lines.push({ line: entry.line, input: entry.input, email: entry.email, role: entry.role, status: 'invited', reason: null, inviteUrl: created.inviteUrl });
      }
      const invited = lines.filter((line) => line.status === 'invited').length;
      return { invited, skipped: lines.length - invited, emailed, lines };
    });
  }

  async changeRole(actor: WorkspaceMember, actorId: string, userId: string, role: WorkspaceRole): Promise<Member> {
    return await this.dataSource.transaction(async (manager) => {
      const memberships = await lockMemberships(manager, actor.workspaceId);
      const actorRole = lockedRoleOf(memberships, actorId);
      const target = findMember(memberships, userId);
      if (target.role === role) return await this.getMember(manager, actor.workspaceId, userId);
      assertMayAssign(actorRole, role);
      assertMayTouch(actorRole, target.role);
      assertOwnerRemains(memberships, target, role);
      const before = await this.getMember(manager, actor.workspaceId, userId);
      await manager.update(Membership, { workspaceId: actor.workspaceId, userId }, { role });
      await this.audit.record(manager, {
        workspaceId: actor.workspaceId,
        actorId,
        action: 'member.roleChanged',
        // Names are kept so the log stays readable after the person leaves.
        details: { userId, email: before.email, displayName: before.displayName, from: target.role, to: role },
      });
      return await this.getMember(manager, actor.workspaceId, userId);
    });
  }

  async remove(actor: WorkspaceMember, actorId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const memberships = await lockMemberships(manager, actor.workspaceId);
      const leaving = userId === actorId;
      const actorRole = lockedRoleOf(memberships, actorId, !leaving);
      const target = findMember(memberships, userId);
      if (!leaving) assertMayTouch(actorRole, target.role);
      assertOwnerRemains(memberships, target, null);
      const before = await this.getMember(manager, actor.workspaceId, userId);
      await manager.delete(Membership, { workspaceId: actor.workspaceId, userId });
      await this.audit.record(manager, {
        workspaceId: actor.workspaceId,
        actorId,
        action: leaving ? 'member.left' : 'member.removed',
        details: { userId, email: before.email, displayName: before.displayName, role: target.role },
      });
    });
  }

  private async getMember(manager: EntityManager, workspaceId: string, userId: string): Promise<Member> {
    const rows = (await manager.query(`${SELECT_MEMBERS} AND m.user_id = $2`, [workspaceId, userId])) as MemberRow[];
    const row = rows[0];
    if (!row) throw new NotFoundException('member not found');
    return toMember(row);
  }
}


function findMember(memberships: Membership[], userId: string): Membership {
  const target = memberships.find((membership) => membership.userId === userId);
  if (!target) throw new NotFoundException('member not found');
  return target;
}

function assertMayAssign(actorRole: WorkspaceRole, role: WorkspaceRole): void {
  if (role === 'owner' && actorRole !== 'owner') throw new ForbiddenException('only an owner can make someone an owner');
}

function assertMayTouch(actorRole: WorkspaceRole, targetRole: WorkspaceRole): void {
  if (targetRole === 'owner' && actorRole !== 'owner') throw new ForbiddenException('only an owner can change or remove an owner');
}

function assertOwnerRemains(memberships: Membership[], target: Membership, newRole: WorkspaceRole | null): void {
  if (target.role !== 'owner' || newRole === 'owner') return;
  const owners = memberships.filter((membership) => membership.role === 'owner').length;
  if (owners <= 1) {
    throw new ConflictException('a workspace must keep at least one owner: make someone else owner first, or delete the workspace');
  }
}

