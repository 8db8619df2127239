/**
 * Invite links for emails without an account. The link carries a random token; only its hash
 * is stored. Accepting needs the token and an account with the invited email, so neither a
 * leaked link nor a look-alike registration alone gets anyone in.
 */
import { ForbiddenException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Invite as InviteDto, InvitePreview, WorkspaceRole } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import type { User } from '../auth/user.entity.js';
import { Invite } from './invite.entity.js';
import { lockMemberships } from './membership-lock.js';
import { Membership } from './membership.entity.js';

export interface CreatedInvite {
  invite: InviteDto;
  inviteUrl: string;
  inviteToken: string;
}

function toDto(invite: Invite): InviteDto {
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    invitedBy: invite.invitedBy ? { id: invite.invitedBy.id, displayName: invite.invitedBy.displayName } : null,
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
  };
}

@Injectable()
export class InvitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates an invite; a pending invite for the same email is replaced (its link stops working). */
  async create(manager: EntityManager, input: { workspaceId: string; email: string; role: WorkspaceRole; invitedById: string }, origin: string): Promise<CreatedInvite> {
    const now = new Date();
    await manager.update(Invite, { workspaceId: input.workspaceId, email: input.email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
    const token = newSecret();
    const saved = await manager.save(
      manager.create(Invite, {
        workspaceId: input.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: input.invitedById,
        expiresAt: new Date(now.getTime() + this.config.INVITE_TTL_HOURS * 3_600_000),
        acceptedAt: null,
        revokedAt: null,
      }),
    );
    await this.audit.record(manager, { workspaceId: input.workspaceId, actorId: input.invitedById, action: 'invite.created', details: { inviteId: saved.id, email: input.email, role: input.role } });
    const invite = await manager.findOneOrFail(Invite, { where: { id: saved.id }, relations: { invitedBy: true } });
    const base = (this.config.PUBLIC_URL ?? origin).replace(/\/+$/, '');
    return { invite: toDto(invite), inviteUrl: `${base}/invites/${token}`, inviteToken: token };
  }

  async listPending(workspaceId: string): Promise<InviteDto[]> {
    const invites = await this.dataSource
      .getRepository(Invite)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.invitedBy', 'u')
      .where('i.workspace_id = :workspaceId AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()', { workspaceId })
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return invites.map(toDto);
  }

  async revoke(workspaceId: string, inviteId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invite = await manager.findOneBy(Invite, { id: inviteId, workspaceId, acceptedAt: IsNull(), revokedAt: IsNull() });
      if (!invite) throw new NotFoundException('invite not found');
      await manager.update(Invite, { id: inviteId }, { revokedAt: new Date() });
      await this.audit.record(manager, { workspaceId, actorId, action: 'invite.revoked', details: { inviteId, email: invite.email } });
    });
  }

  async preview(token: string): Promise<InvitePreview> {
    const invite = await this.dataSource.getRepository(Invite).findOne({ where: { tokenHash: sha256(token) }, relations: { workspace: true, invitedBy: true } });
    if (!invite?.workspace) throw new NotFoundException('invite not found');
    assertUsable(invite);
    return {
      workspaceName: invite.workspace.name,
      email: invite.email,
      role: invite.role,
      invitedBy: invite.invitedBy?.displayName ?? null,
      expiresAt: invite.expiresAt.toISOString(),
    };
  }

  /** Adds the signed-in user to the invite's workspace. Accepting twice is harmless. */
  async accept(token: string, user: User): Promise<{ workspaceId: string }> {
    return await this.dataSource.transaction(async (manager) => {
      const invite = await manager.createQueryBuilder(Invite, 'i').setLock('pessimistic_write').where('i.token_hash = :hash', { hash: sha256(token) }).getOne();
      if (!invite) throw new NotFoundException('invite not found');
      if (invite.acceptedAt && (await manager.existsBy(Membership, { workspaceId: invite.workspaceId, userId: user.id }))) {
        return { workspaceId: invite.workspaceId };
      }
      assertUsable(invite);
      // Same lock as direct adds, so accepting and being added at once cannot both insert.
      await lockMemberships(manager, invite.workspaceId);
      if (invite.email !== user.email) {
        throw new ForbiddenException(`this invite is for ${invite.email}; you are signed in as ${user.email}`);
      }
      await manager.update(Invite, { id: invite.id }, { acceptedAt: new Date() });
      const existing = await manager.findOneBy(Membership, { workspaceId: invite.workspaceId, userId: user.id });
      if (!existing) {
        await manager.insert(Membership, { workspaceId: invite.workspaceId, userId: user.id, role: invite.role });
      }
      await this.audit.record(manager, { workspaceId: invite.workspaceId, actorId: user.id, action: 'invite.accepted', details: { inviteId: invite.id, role: existing?.role ?? invite.role } });
      return { workspaceId: invite.workspaceId };
    });
  }
}

function assertUsable(invite: Invite): void {
  if (invite.revokedAt) throw new GoneException('this invite has been revoked; ask for a new one');
  if (invite.acceptedAt) throw new GoneException('this invite has already been used');
  if (invite.expiresAt.getTime() <= Date.now()) throw new GoneException('this invite has expired; ask for a new one');
}
