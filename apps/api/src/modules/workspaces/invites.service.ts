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
 *
 * With email configured the invite is also emailed, with a second token (mail_token_hash) that is
 * never shown to the inviter. Using that one proves the invited address receives mail, so the
 * account's email is marked verified and the invite accepted at once. Joining any other way (the
 * inviter's copied link, or in-app) with an unverified account first emails a confirmation link to
 * the account's address, and the invite is accepted when it is used: an inviter cannot register
 * someone else's address and get it into the workspace. Without email, links work as before.
 */
import { ForbiddenException, GoneException, HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { EMAIL_UNVERIFIED_PREFIX, type Invite as InviteDto, type InvitePreview, type MyInvitation, type WorkspaceRole } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { inviteEmail } from '../email/email-templates.js';
import { EmailVerificationService } from '../email/email-verification.service.js';
import { OutboxService } from '../email/outbox.service.js';
import { publicBase } from '../email/public-links.js';
import { Workspace } from './workspace.entity.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { User } from '../auth/user.entity.js';
import { Invite } from './invite.entity.js';
import { lockMemberships } from './membership-lock.js';
import { Membership } from './membership.entity.js';

export interface CreatedInvite {
  invite: InviteDto;
  inviteUrl: string;
  inviteToken: string;
  emailed: boolean;
}

/** How an invite link was used: the emailed token proves the address. */
interface FoundInvite {
  invite: Invite;
  viaMail: boolean;
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
    private readonly outbox: OutboxService,
    private readonly verification: EmailVerificationService,
  ) {}

  /** Creates an invite; a pending invite for the same email is replaced (its link stops working). */
  async create(manager: EntityManager, input: { workspaceId: string; email: string; role: WorkspaceRole; invitedById: string }, origin: string): Promise<CreatedInvite> {
    const now = new Date();
    await manager.update(Invite, { workspaceId: input.workspaceId, email: input.email, acceptedAt: IsNull(), revokedAt: IsNull(), declinedAt: IsNull() }, { revokedAt: now });
    const saved = await manager.save(
      manager.create(Invite, {
        workspaceId: input.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: '',
        invitedById: input.invitedById,
        expiresAt: now,
        acceptedAt: null,
        revokedAt: null,
      }),
    );
    const issued = await this.issueTokens(manager, saved.id, origin);
    await this.audit.record(manager, { workspaceId: input.workspaceId, actorId: input.invitedById, action: 'invite.created', details: { inviteId: saved.id, email: input.email, role: input.role } });
    return issued;
  }

  /** Sends an invite again: new tokens and expiry (the old links stop working), and a new email. */
  async resend(workspaceId: string, inviteId: string, actorId: string, origin: string): Promise<CreatedInvite> {
    return await this.dataSource.transaction(async (manager) => {
      const invite = await manager.createQueryBuilder(Invite, 'i').setLock('pessimistic_write').where('i.id = :inviteId AND i.workspace_id = :workspaceId', { inviteId, workspaceId }).getOne();
      // An expired invite may be sent again; a used, revoked or declined one is over.
      if (!invite || invite.acceptedAt || invite.revokedAt || invite.declinedAt) throw new NotFoundException('invite not found');
      const issued = await this.issueTokens(manager, invite.id, origin);
      await this.audit.record(manager, { workspaceId, actorId, action: 'invite.resent', details: { inviteId, email: invite.email, emailed: issued.emailed } });
      return issued;
    });
  }

  /** New link token (shown to the inviter), new mail token (emailed), new expiry; queues the email. */
  private async issueTokens(manager: EntityManager, inviteId: string, origin: string): Promise<CreatedInvite> {
    const token = newSecret();
    const mailToken = newSecret();
    const expiresAt = new Date(Date.now() + (await this.settings.get('inviteTtlHours')) * 3_600_000);
    await manager.update(Invite, { id: inviteId }, { tokenHash: sha256(token), mailTokenHash: sha256(mailToken), expiresAt });
    const invite = await manager.findOneOrFail(Invite, { where: { id: inviteId }, relations: { invitedBy: true, workspace: true } });
    const base = publicBase(this.config, origin);
    const emailed = await this.outbox.enqueue(
      manager,
      inviteEmail({ to: invite.email, workspaceName: invite.workspace?.name ?? 'a workspace', inviterName: invite.invitedBy?.displayName ?? null, role: invite.role, url: `${base}/invites/${mailToken}`, expiresAt }),
    );
    return { invite: toDto(invite), inviteUrl: `${base}/invites/${token}`, inviteToken: token, emailed };
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
    const hash = sha256(token);
    const invite = await this.dataSource.getRepository(Invite).findOne({ where: [{ tokenHash: hash }, { mailTokenHash: hash }], relations: { workspace: true, invitedBy: true } });
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
  async accept(token: string, user: User, origin: string): Promise<{ workspaceId: string }> {
    return await this.joinOrAskToVerify(async (manager) => {
      const hash = sha256(token);
      const invite = await manager.createQueryBuilder(Invite, 'i').setLock('pessimistic_write').where('i.token_hash = :hash OR i.mail_token_hash = :hash', { hash }).getOne();
      if (!invite) throw new NotFoundException('invite not found');
      return await this.join(manager, { invite, viaMail: invite.mailTokenHash === hash }, user, origin);
    });
  }

  /**
   * A confirmation link was used: the address is verified (kept even if the invite can no longer
   * be accepted: revoked or expired meanwhile), and the invite it was sent for is accepted.
   */
  async verifyEmail(token: string): Promise<{ workspaceId: string | null }> {
    return await this.dataSource.transaction(async (manager) => {
      const { user, inviteId } = await this.verification.consume(manager, token);
      if (!inviteId) return { workspaceId: null };
      try {
        const result = await this.join(manager, { invite: await lockedInviteFor(manager, inviteId, user), viaMail: true }, user, '');
        return { workspaceId: 'workspaceId' in result ? result.workspaceId : null };
      } catch (error) {
        if (error instanceof HttpException) return { workspaceId: null };
        throw error;
      }
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
  async acceptMine(inviteId: string, user: User, origin: string): Promise<{ workspaceId: string }> {
    return await this.joinOrAskToVerify(async (manager) => await this.join(manager, { invite: await lockedInviteFor(manager, inviteId, user), viaMail: false }, user, origin));
  }

  /**
   * Runs a join in a transaction. When it needs the address confirmed, the confirmation email is
   * committed and then the refusal is answered (a refusal thrown inside would roll the email back).
   */
  private async joinOrAskToVerify(work: (manager: EntityManager) => Promise<{ workspaceId: string } | { verificationSentTo: string }>): Promise<{ workspaceId: string }> {
    const result = await this.dataSource.transaction(work);
    if ('verificationSentTo' in result) {
      throw new ForbiddenException(`${EMAIL_UNVERIFIED_PREFIX}: we sent a link to ${result.verificationSentTo}; opening it accepts the invite`);
    }
    return result;
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

  private async join(manager: EntityManager, found: FoundInvite, user: User, origin: string): Promise<{ workspaceId: string } | { verificationSentTo: string }> {
    const { invite, viaMail } = found;
    if (invite.acceptedAt && (await manager.existsBy(Membership, { workspaceId: invite.workspaceId, userId: user.id }))) {
      return { workspaceId: invite.workspaceId };
    }
    assertUsable(invite);
    // Same lock as other membership changes, so two ways of joining at once cannot both insert.
    await lockMemberships(manager, invite.workspaceId);
    if (invite.email !== user.email) {
      throw new ForbiddenException(`this invite is for ${invite.email}; you are signed in as ${user.email}`);
    }
    if (viaMail && !user.emailVerifiedAt) {
      await manager.update(User, { id: user.id }, { emailVerifiedAt: new Date() });
    } else if (!viaMail && !user.emailVerifiedAt) {
      const workspace = await manager.findOneBy(Workspace, { id: invite.workspaceId });
      if (await this.verification.send(manager, { user, inviteId: invite.id, workspaceName: workspace?.name ?? null, origin })) return { verificationSentTo: user.email };
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
