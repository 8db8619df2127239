/**
 * The email outbox. `enqueue` writes a message in the caller's transaction, so it exists exactly
 * when the change that caused it commits; the worker sends it after the commit (woken by the
 * commit, and by a timer for retries). A failed attempt is retried with doubling delays and, after
 * EMAIL_MAX_ATTEMPTS, marked failed for admins to see; requests never wait for SMTP.
 *
 * Several API processes may run the worker: a message is claimed with FOR UPDATE SKIP LOCKED and
 * a lease (next_attempt_at pushed forward), so it is sent by one process; if that process dies
 * mid-send the lease runs out and another retries it.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent } from 'typeorm';
import type { OutboxMessage } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { EmailOutboxRecord } from './email-outbox.entity.js';
import type { RenderedEmail } from './email-templates.js';
import { MailTransport } from './mail-transport.service.js';

/** A claimed message is someone else's to retry after this long (a process that died mid-send). */
const LEASE_SECONDS = 120;
const LISTED = 100;
const ERROR_CHARS = 500;

@Injectable()
export class OutboxService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Email');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Transactions that enqueued a message: their commit wakes the worker. */
  private readonly pendingCommits = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (this.pendingCommits.has(event.queryRunner)) {
          this.pendingCommits.delete(event.queryRunner);
          this.wake();
        }
      },
    };
    this.dataSource.subscribers.push(subscriber);
    this.timer = setInterval(() => this.wake(), this.config.EMAIL_OUTBOX_POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * Queues a message in the caller's transaction. Returns false, and queues nothing, when no SMTP
   * server is configured: the caller then shows its link instead.
   */
  async enqueue(manager: EntityManager, email: RenderedEmail): Promise<boolean> {
    if (!(await this.transport.configured())) return false;
    await manager.insert(EmailOutboxRecord, { kind: email.kind, to: email.to, subject: email.subject, text: email.text, html: email.html });
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pendingCommits.add(runner);
    else this.wake();
    return true;
  }

  /** Sends due messages now (in the background); a wake during a run makes it look again. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error(`outbox run failed: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Waits for the current run, if any (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async list(): Promise<OutboxMessage[]> {
    const rows = await this.dataSource.getRepository(EmailOutboxRecord).find({ order: { createdAt: 'DESC' }, take: LISTED });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      to: row.to,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
      sentAt: row.sentAt?.toISOString() ?? null,
    }));
  }

  /** An admin asks for a failed (or waiting) message to be tried again now, with a fresh count of attempts. */
  async retry(id: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(`UPDATE email_outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND status <> 'sent'`, [id])) as [unknown, number];
    if (affected > 0) this.wake();
    return affected > 0;
  }

  private async drain(): Promise<void> {
    if (!(await this.transport.configured())) return;
    while (!this.stopped) {
      const message = await this.claim();
      if (!message) return;
      await this.attempt(message);
    }
  }

  private async claim(): Promise<EmailOutboxRecord | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, html_body, attempts`,
      [LEASE_SECONDS],
    )) as [{ id: string; to_address: string; subject: string; text_body: string; html_body: string; attempts: number }[], number];
    const row = rows[0];
    if (!row) return null;
    return Object.assign(new EmailOutboxRecord(), { id: row.id, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, attempts: row.attempts });
  }

  private async attempt(message: EmailOutboxRecord): Promise<void> {
    try {
      await this.transport.send(message);
      await this.dataSource.query(`UPDATE email_outbox SET status = 'sent', sent_at = now(), next_attempt_at = NULL, last_error = NULL WHERE id = $1`, [message.id]);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS);
      const gaveUp = message.attempts >= this.config.EMAIL_MAX_ATTEMPTS;
      const delaySeconds = this.config.EMAIL_RETRY_BASE_SECONDS * 2 ** (message.attempts - 1);
      await this.dataSource.query(
        gaveUp
          ? `UPDATE email_outbox SET status = 'failed', next_attempt_at = NULL, last_error = $2 WHERE id = $1`
          : `UPDATE email_outbox SET next_attempt_at = now() + make_interval(secs => $3), last_error = $2 WHERE id = $1`,
        gaveUp ? [message.id, reason] : [message.id, reason, delaySeconds],
      );
      this.logger.warn(`email ${message.id} attempt ${message.attempts} failed${gaveUp ? ' (giving up)' : ''}: ${reason}`);
      if (!gaveUp && delaySeconds * 1000 < this.config.EMAIL_OUTBOX_POLL_MS) {
        setTimeout(() => this.wake(), delaySeconds * 1000).unref();
      }
    }
  }
}
