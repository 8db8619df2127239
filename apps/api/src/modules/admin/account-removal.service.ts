/**
 * Removing an account for good. What they own is decided first: every workspace they alone own
 * (no other active owner) must be named, to be handed to another person or deleted. Their
 * research data stays: annotations, comments, threads, documents, tags and maps keep their rows,
 * and the foreign keys to the account are ON DELETE SET NULL, so they read as by "a removed
 * user". Their memberships, sessions, tokens, notifications and read marks go with the account
 * (ON DELETE CASCADE). The instance audit log keeps the email as the subject's label.
 */
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RemoveUserBody, SoleOwnedDecision } from '@marginalia/shared';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { CredentialRevocations } from '../auth/credential-revocations.js';
import { User } from '../auth/user.entity.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import { AdminUsersService, assertNotLastActiveAdmin } from './admin-users.service.js';

@Injectable()
export class AccountRemoval {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: AdminUsersService,
    private readonly workspaces: WorkspacesService,
    private readonly audit: InstanceAuditService,
    private readonly revocations: CredentialRevocations,
  ) {}

  async remove(actorId: string, userId: string, body: { confirmEmail: string; workspaces: SoleOwnedDecision[] } & Partial<RemoveUserBody>, ip: string | null): Promise<void> {
    if (actorId === userId) throw new BadRequestException('you cannot remove your own account');
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.createQueryBuilder(User, 'u').setLock('pessimistic_write').where('u.id = :userId', { userId }).getOne();
      if (!user) throw new NotFoundException('user not found');
      if (body.confirmEmail.trim().toLowerCase() !== user.email) throw new BadRequestException(`type the account's email (${user.email}) to confirm`);
      if (user.isInstanceAdmin) await assertNotLastActiveAdmin(manager, userId);

      const soleOwned = (await this.users.memberships(userId, manager)).filter((membership) => membership.soleOwner);
      const decisions = new Map(body.workspaces.map((decision) => [decision.workspaceId, decision]));
      const undecided = soleOwned.filter((membership) => !decisions.has(membership.workspaceId));
      if (undecided.length > 0) {
        throw new ConflictException(`decide what happens to the workspaces only this person owns: ${undecided.map((membership) => `"${membership.workspaceName}"`).join(', ')}`);
      }
      const soleOwnedIds = new Set(soleOwned.map((membership) => membership.workspaceId));
      const stray = body.workspaces.find((decision) => !soleOwnedIds.has(decision.workspaceId));
      if (stray) throw new BadRequestException(`workspace ${stray.workspaceId} is not one this person alone owns`);

      const outcomes: Record<string, unknown>[] = [];
      for (const membership of soleOwned) {
        const decision = decisions.get(membership.workspaceId) as SoleOwnedDecision;
        if (decision.action === 'delete') {
          await this.workspaces.remove(membership.workspaceId, actorId, ip, manager);
          outcomes.push({ workspace: membership.workspaceName, action: 'deleted' });
          continue;
        }
        const heir = await manager.findOneBy(User, { id: decision.toUserId });
        if (!heir || heir.id === userId) throw new BadRequestException(`choose another person to own "${membership.workspaceName}"`);
        if (heir.disabledAt !== null) throw new BadRequestException(`${heir.email} is disabled and cannot own "${membership.workspaceName}"`);
        const disabledOwners = (await manager.query(
          `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.role = 'owner' AND u.disabled_at IS NOT NULL`,
          [membership.workspaceId],
        )) as { user_id: string }[];
        await this.workspaces.assignOwner(manager, membership.workspaceId, actorId, heir.id, [userId, ...disabledOwners.map((row) => row.user_id)]);
        await this.audit.record(
          { actorId, action: 'workspace.ownershipTransferred', subject: { type: 'workspace', id: membership.workspaceId, label: membership.workspaceName }, details: { to: heir.email, reason: 'owner removed' }, ip },
          manager,
        );
        outcomes.push({ workspace: membership.workspaceName, action: 'transferred', to: heir.email });
      }
      await manager.delete(User, { id: userId });
      await this.audit.record({ actorId, action: 'user.removed', subject: { type: 'user', id: userId, label: user.email }, details: { displayName: user.displayName, workspaces: outcomes }, ip }, manager);
    });
    this.revocations.revoked(userId);
  }
}
