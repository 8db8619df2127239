/**
 * Invitations to the instance: an admin invites an email to register (registration: invite-only)
 * without a workspace. Like workspace invites, the link token shown to the admin and the one
 * emailed differ; registering with the emailed one proves the address. Registering uses the
 * invite up (see AccountsService.register).
 */
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { CreatedInstanceInvite, InstanceInvite as InstanceInviteDto, InstanceInvitePreview } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { User } from '../auth/user.entity.js';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { instanceInviteEmail } from './email-templates.js';
import { InstanceInvite } from './instance-invite.entity.js';
import { OutboxService } from './outbox.service.js';
import { publicBase } from './public-links.js';

function toDto(invite: InstanceInvite): InstanceInviteDto {
  return {
    id: invite.id,
    email: invite.email,
    invitedBy: invite.invitedBy ? { id: invite.invitedBy.id, displayName: invite.invitedBy.displayName } : null,
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
  };
}

function registerUrl(base: string, email: string, token: string): string {
  return `${base}/register?${new URLSearchParams({ email, invite: token }).toString()}`;
}

@Injectable()
export class InstanceInvitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: InstanceSettingsService,
    private readonly outbox: OutboxService,
    private readonly audit: InstanceAuditService,
  ) {}

  /** Invites an email; a pending invite for it is replaced (its links stop working). */
  async create(email: string, actorId: string, ip: string | null, origin: string): Promise<CreatedInstanceInvite> {
    return await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marginalia:instance-invite:${email}`]);
      if (await manager.existsBy(User, { email })) throw new ConflictException(`${email} already has an account on this instance`);
      await manager.update(InstanceInvite, { email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
      const token = newSecret();
      const mailToken = newSecret();
      const expiresAt = new Date(Date.now() + (await this.settings.get('inviteTtlHours')) * 3_600_000);
      const saved = await manager.save(manager.create(InstanceInvite, { email, tokenHash: sha256(token), mailTokenHash: sha256(mailToken), invitedById: actorId, expiresAt, acceptedAt: null, revokedAt: null }));
      const invite = await manager.findOneOrFail(InstanceInvite, { where: { id: saved.id }, relations: { invitedBy: true } });
      const base = publicBase(this.config, origin);
      const emailed = await this.outbox.enqueue(manager, instanceInviteEmail({ to: email, inviterName: invite.invitedBy?.displayName ?? null, url: registerUrl(base, email, mailToken), expiresAt }));
      await this.audit.record({ actorId, action: 'user.invited', subject: { type: 'email', id: null, label: email }, details: { inviteId: invite.id, emailed }, ip }, manager);
      return { invite: toDto(invite), inviteUrl: registerUrl(base, email, token), emailed };
    });
  }

  async listPending(): Promise<InstanceInviteDto[]> {
    const invites = await this.dataSource
      .getRepository(InstanceInvite)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.invitedBy', 'u')
      .where('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()')
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return invites.map(toDto);
  }

  async revoke(id: string, actorId: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invite = await manager.findOneBy(InstanceInvite, { id, acceptedAt: IsNull(), revokedAt: IsNull() });
      if (!invite) throw new NotFoundException('invitation not found');
      await manager.update(InstanceInvite, { id }, { revokedAt: new Date() });
      await this.audit.record({ actorId, action: 'user.instanceInviteRevoked', subject: { type: 'email', id: null, label: invite.email }, details: { inviteId: id }, ip }, manager);
    });
  }

  /** What the register page shows for an instance invite link. */
  async preview(token: string): Promise<InstanceInvitePreview> {
    const hash = sha256(token);
    const invite = await this.dataSource.getRepository(InstanceInvite).findOne({ where: [{ tokenHash: hash }, { mailTokenHash: hash }] });
    if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) throw new NotFoundException('this invitation is not valid (used, revoked or expired); ask for a new one');
    return { email: invite.email, expiresAt: invite.expiresAt.toISOString() };
  }
}
