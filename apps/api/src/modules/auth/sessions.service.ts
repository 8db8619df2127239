/**
 * Server-side sessions: created on login with a fresh id, checked against an inactivity and
 * an absolute timeout, revocable one by one or all at once.
 */
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import type { SessionSummary } from '@marginalia/shared';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { CredentialRevocations } from './credential-revocations.js';
import { newSecret, sha256 } from './secrets.js';
import { Session } from './session.entity.js';
import type { User } from './user.entity.js';

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface IssuedSession {
  session: Session;
  /** The cookie value; only its hash is stored. */
  secret: string;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly settings: InstanceSettingsService,
    private readonly revocations: CredentialRevocations,
  ) {}

  async issue(userId: string, client: { ip: string | null; userAgent: string | null }): Promise<IssuedSession> {
    const secret = newSecret();
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: sha256(secret),
        userId,
        csrfToken: newSecret(24),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 512) ?? null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + (await this.settings.get('sessionAbsoluteTimeoutHours')) * 3_600_000),
      }),
    );
    return { session, secret };
  }

  /** The live session for a cookie secret, with its user, or null when unknown or expired. */
  async resolve(secret: string): Promise<(Session & { user: User }) | null> {
    const session = await this.sessions.findOne({ where: { tokenHash: sha256(secret) }, relations: { user: true } });
    if (!session?.user) return null;
    const now = Date.now();
    const idleLimit = (await this.settings.get('sessionIdleTimeoutMinutes')) * 60_000;
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleLimit <= now) {
      await this.sessions.delete({ id: session.id });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      session.lastSeenAt = new Date(now);
      await this.sessions.update({ id: session.id }, { lastSeenAt: session.lastSeenAt });
    }
    return session as Session & { user: User };
  }

  async list(userId: string, currentSessionId: string | undefined): Promise<SessionSummary[]> {
    const rows = await this.sessions.find({ where: { userId }, order: { lastSeenAt: 'DESC' } });
    return rows.map((row) => ({
      id: row.id,
      current: row.id === currentSessionId,
      userAgent: row.userAgent,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
    }));
  }

  async revoke(userId: string, sessionId: string): Promise<void> {
    const result = await this.sessions.delete({ id: sessionId, userId });
    if (!result.affected) throw new NotFoundException('no such session');
    this.revocations.revoked(userId);
  }

  async revokeAll(userId: string): Promise<number> {
    const result = await this.sessions.delete({ userId });
    this.revocations.revoked(userId);
    return result.affected ?? 0;
  }

  async revokeAllExcept(userId: string, keepSessionId: string | undefined): Promise<void> {
    const query = this.sessions.createQueryBuilder().delete().where('user_id = :userId', { userId });
    if (keepSessionId) query.andWhere('id <> :keepSessionId', { keepSessionId });
    await query.execute();
    this.revocations.revoked(userId);
  }

  async deleteExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }
}
