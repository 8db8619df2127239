/**
 * Invites: how anyone joins a workspace. Adding an email always creates one, whether or not
 * the email has an account, so the answer tells the inviter nothing about who is registered,
 * and nobody is made a member without saying yes.
 *
 * The link carries a random token; only its hash is stored. Accepting needs an account with
 * the invited email, but emails are not verified, so whoever holds the link can register with
 * that email and get in: the link admits its holder, once, until it expires (the inviteTtlHours setting)
 * or is revoked. The invite page says so. Someone who already has an account with the email
 * also finds the invite in the app (GET /invitations) and accepts or declines it there.
 */
import { ForbiddenException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Invite as InviteDto, InvitePreview, MyInvitation, WorkspaceRole } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
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
    private readonly settings: InstanceSettingsService,
  ) {}

  /** Creates an invite; a pending invite for the same email is replaced (its link stops working). */
  async create(manager: EntityManager, input: { workspaceId: string; email: string; role: WorkspaceRole; invitedById: string }, origin: string): Promise<CreatedInvite> {
    const now = new Date();
    await manager.update(Invite, { workspaceId: input.workspaceId, email: input.email, acceptedAt: IsNull(), revokedAt: IsNull(), declinedAt: IsNull() }, { revokedAt: now });
    const token = newSecret();
    const saved = await manager.save(
      manager.create(Invite, {
        workspaceId: input.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: input.invitedById,
        expiresAt: new Date(now.getTime() + (await this.settings.get('inviteTtlHours')) * 3_600_000),
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
      .where(`i.workspace_id = :workspaceId AND ${PENDING}`, { workspaceId })
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return invites.map(toDto);
  }

  async revoke(workspaceId: string, inviteId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invite = await manager.findOneBy(Invite, { id: inviteId, workspaceId, acceptedAt: IsNull(), revokedAt: IsNull(), declinedAt: IsNull() });
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
      return await this.join(manager, invite, user);
    });
  }

  /** Invitations addressed to this account's email that it can still accept, newest first. */
  async listMine(user: User): Promise<MyInvitation[]> {
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.workspace_id, w.name AS workspace_name, i.role, u.display_name AS invited_by, i.expires_at
         FROM invites i JOIN workspaces w ON w.id = i.workspace_id LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.email = $1 AND ${PENDING} AND w.archived_at IS NULL
        ORDER BY i.created_at DESC`,
      [user.email],
    )) as { id: string; workspace_id: string; workspace_name: string; role: WorkspaceRole; invited_by: string | null; expires_at: Date }[];
    return rows.map((row) => ({ id: row.id, workspaceId: row.workspace_id, workspaceName: row.workspace_name, role: row.role, invitedBy: row.invited_by, expiresAt: row.expires_at.toISOString() }));
  }

  /** Accepting in the app: the invite must be addressed to this account (else, as for anyone, 404). */
  async acceptMine(inviteId: string, user: User): Promise<{ workspaceId: string }> {
    return await this.dataSource.transaction(async (manager) => await this.join(manager, await lockedInviteFor(manager, inviteId, user), user));
  }

  async declineMine(inviteId: string, user: User): Promise<{ workspaceId: string }> {
    return await this.dataSource.transaction(async (manager) => {
      const invite = await lockedInviteFor(manager, inviteId, user);
      assertUsable(invite);
      await manager.update(Invite, { id: invite.id }, { declinedAt: new Date() });
      await this.audit.record(manager, { workspaceId: invite.workspaceId, actorId: user.id, action: 'invite.declined', details: { inviteId: invite.id } });
      return { workspaceId: invite.workspaceId };
    });
  }

  private async join(manager: EntityManager, invite: Invite, user: User): Promise<{ workspaceId: string }> {
    if (invite.acceptedAt && (await manager.existsBy(Membership, { workspaceId: invite.workspaceId, userId: user.id }))) {
      return { workspaceId: invite.workspaceId };
    }
    assertUsable(invite);
    // Same lock as other membership changes, so two ways of joining at once cannot both insert.
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
  }
}

/** Still usable: not accepted, revoked, declined or expired (SQL over invites aliased `i`). */
const PENDING = 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.declined_at IS NULL AND i.expires_at > now()';

async function lockedInviteFor(manager: EntityManager, inviteId: string, user: User): Promise<Invite> {
  const invite = await manager.createQueryBuilder(Invite, 'i').setLock('pessimistic_write').where('i.id = :inviteId AND i.email = :email', { inviteId, email: user.email }).getOne();
  if (!invite) throw new NotFoundException('invitation not found');
  return invite;
}

function assertUsable(invite: Invite): void {
  if (invite.revokedAt) throw new GoneException('this invite has been revoked; ask for a new one');
  if (invite.declinedAt) throw new GoneException('this invite has been declined');
  if (invite.acceptedAt) throw new GoneException('this invite has already been used');
  if (invite.expiresAt.getTime() <= Date.now()) throw new GoneException('this invite has expired; ask for a new one');
}
