/**
 * Confirming an account's address by a link emailed to it. Asked for when, with email configured,
 * an unverified account joins a workspace through an invite it did not receive by email itself
 * (a link the inviter copied, or in-app acceptance): the invite is then accepted once the link is used.
 */
import { GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { User } from '../auth/user.entity.js';
import { EmailVerification } from './email-verification.entity.js';
import { verifyEmailEmail } from './email-templates.js';
import { OutboxService } from './outbox.service.js';
import { publicBase } from './public-links.js';

const VERIFICATION_TTL_MS = 24 * 60 * 60_000;

@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** Emails a confirmation link (in the caller's transaction); false when email is not configured. */
  async send(manager: EntityManager, input: { user: User; inviteId: string | null; workspaceName: string | null; origin: string }): Promise<boolean> {
    const token = newSecret();
    const url = `${publicBase(this.config, input.origin)}/verify-email/${token}`;
    const queued = await this.outbox.enqueue(manager, verifyEmailEmail({ to: input.user.email, url, workspaceName: input.workspaceName }));
    if (queued) {
      await manager.insert(EmailVerification, { userId: input.user.id, email: input.user.email, tokenHash: sha256(token), inviteId: input.inviteId, expiresAt: new Date(Date.now() + VERIFICATION_TTL_MS), usedAt: null });
    }
    return queued;
  }

  /** Uses a link: marks the address verified; returns the account and the invite to accept, if any. */
  async consume(manager: EntityManager, token: string): Promise<{ user: User; inviteId: string | null }> {
    const row = await manager.createQueryBuilder(EmailVerification, 'v').setLock('pessimistic_write').where('v.token_hash = :hash', { hash: sha256(token) }).getOne();
    if (!row) throw new NotFoundException('this confirmation link is not valid');
    if (row.usedAt) throw new GoneException('this confirmation link has already been used');
    if (row.expiresAt.getTime() <= Date.now()) throw new GoneException('this confirmation link has expired; accept the invite again to get a new one');
    const user = await manager.findOneBy(User, { id: row.userId });
    if (!user || user.email !== row.email) throw new GoneException('this confirmation link was for another address');
    const now = new Date();
    await manager.update(EmailVerification, { id: row.id }, { usedAt: now });
    await manager.update(User, { id: user.id }, { emailVerifiedAt: user.emailVerifiedAt ?? now });
    return { user: await manager.findOneByOrFail(User, { id: user.id }), inviteId: row.inviteId };
  }
}
