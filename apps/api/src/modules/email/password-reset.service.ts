/**
 * Password reset: one-time links, valid PASSWORD_RESET_TTL_MS, stored as SHA-256 only. An admin
 * can make one to hand over (audited); with email configured anyone can ask for one by email
 * ("forgot password"), with the same answer whether or not the account exists. Using a link sets
 * the password, ends every session of the account and (if it was the emailed kind) proves the address.
 */
import { ConflictException, ForbiddenException, GoneException, HttpException, HttpStatus, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { PasswordResetLink, PasswordResetPreview } from '@marginalia/shared';
import { escapeForLog } from '../../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.service.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { SessionsService } from '../auth/sessions.service.js';
import { User } from '../auth/user.entity.js';
import { passwordResetEmail } from './email-templates.js';
import { MailTransport } from './mail-transport.service.js';
import { OutboxService } from './outbox.service.js';
import { PasswordResetRequest } from './password-reset-request.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { publicBase } from './public-links.js';

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
const THROTTLE_WINDOW_MS = 60 * 60_000;

@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: InstanceAuditService,
  ) {}

  /** An admin's link to hand over. Earlier unused links of the account stop working. */
  async createLink(userId: string, actorId: string, ip: string | null, origin: string): Promise<PasswordResetLink> {
    return await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new NotFoundException('user not found');
      const { token, expiresAt } = await this.issue(manager, user.id, actorId);
      await this.audit.record({ actorId, action: 'user.passwordResetLinkCreated', subject: { type: 'user', id: user.id, label: user.email }, ip }, manager);
      return { url: `${publicBase(this.config, origin)}/reset-password/${token}`, expiresAt: expiresAt.toISOString() };
    });
  }

  /**
   * "Forgot password": emails a link when the account exists and is enabled. The caller answers
   * the same either way. Throttled per IP (429) and per address (silently: a mailbox is not flooded).
   */
  async requestByEmail(email: string, ip: string, origin: string): Promise<void> {
    if (!(await this.transport.configured())) throw new ConflictException('email is not configured on this instance; ask an administrator for a password reset link');
    const windowStart = new Date(Date.now() - THROTTLE_WINDOW_MS);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marginalia:forgot-ip:${ip}`]);
      const [byIp] = (await manager.query('SELECT count(*)::int AS n FROM password_reset_requests WHERE ip = $1 AND created_at > $2', [ip, windowStart])) as { n: number }[];
      if ((byIp?.n ?? 0) >= this.config.FORGOT_PASSWORD_MAX_PER_IP) {
        this.logger.warn(`forgot-password throttled ip=${escapeForLog(ip)}`);
        throw new HttpException('too many password reset requests from this address; try again in an hour', HttpStatus.TOO_MANY_REQUESTS);
      }
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marginalia:forgot-email:${email}`]);
      const [byEmail] = (await manager.query('SELECT count(*)::int AS n FROM password_reset_requests WHERE email = $1 AND created_at > $2', [email, windowStart])) as { n: number }[];
      await manager.insert(PasswordResetRequest, { ip, email });
      if ((byEmail?.n ?? 0) >= this.config.FORGOT_PASSWORD_MAX_PER_ACCOUNT) return;
      const user = await manager.findOneBy(User, { email, disabledAt: IsNull() });
      if (!user) return;
      const { token, expiresAt } = await this.issue(manager, user.id, null);
      await this.outbox.enqueue(manager, passwordResetEmail({ to: user.email, url: `${publicBase(this.config, origin)}/reset-password/${token}`, expiresAt }));
    });
  }

  async preview(token: string): Promise<PasswordResetPreview> {
    const row = await this.dataSource.getRepository(PasswordResetToken).findOne({ where: { tokenHash: sha256(token) }, relations: { user: true } });
    if (!row?.user) throw unknownLink();
    assertUsable(row);
    return { email: row.user.email, expiresAt: row.expiresAt.toISOString() };
  }

  /** Sets the password once; every session of the account ends (the caller signs this browser in). */
  async reset(token: string, password: string, ip: string | null): Promise<User> {
    const passwordHash = await this.hasher.hash(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const row = await manager.createQueryBuilder(PasswordResetToken, 't').setLock('pessimistic_write').where('t.token_hash = :hash', { hash: sha256(token) }).getOne();
      if (!row) throw unknownLink();
      assertUsable(row);
      const account = await manager.findOneByOrFail(User, { id: row.userId });
      if (account.disabledAt) throw new ForbiddenException('this account has been disabled by an administrator');
      const now = new Date();
      await manager.update(PasswordResetToken, { id: row.id }, { usedAt: now });
      // An emailed link reached the mailbox: that proves the address. An admin's handed-over link does not.
      await manager.update(User, { id: account.id }, { passwordHash, ...(row.createdById === null ? { emailVerifiedAt: account.emailVerifiedAt ?? now } : {}) });
      await this.audit.record({ actorId: account.id, action: 'auth.passwordReset', subject: { type: 'user', id: account.id, label: account.email }, details: { via: row.createdById ? 'adminLink' : 'email' }, ip }, manager);
      return await manager.findOneByOrFail(User, { id: account.id });
    });
    await this.sessions.revokeAll(user.id);
    return user;
  }

  private async issue(manager: EntityManager, userId: string, createdById: string | null): Promise<{ token: string; expiresAt: Date }> {
    await manager.update(PasswordResetToken, { userId, usedAt: IsNull() }, { expiresAt: new Date() });
    const token = newSecret();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    await manager.insert(PasswordResetToken, { userId, tokenHash: sha256(token), createdById, expiresAt, usedAt: null });
    return { token, expiresAt };
  }
}

function unknownLink(): NotFoundException {
  return new NotFoundException('this password reset link is not valid; ask for a new one');
}

function assertUsable(row: PasswordResetToken): void {
  if (row.usedAt) throw new GoneException('this password reset link has already been used; ask for a new one');
  if (row.expiresAt.getTime() <= Date.now()) throw new GoneException('this password reset link has expired; ask for a new one');
}
