/**
 * Mention emails, by each person's preference (users.mention_emails): off; immediate, where the
 * mentions of one person that arrive within MENTION_EMAIL_BATCH_SECONDS go out as one email; or a
 * daily digest (at most one every 24 hours, covering the mentions since the last one).
 *
 * A periodic job in every API process; one run at a time across processes (a transaction-level
 * advisory lock: a process that finds it taken skips its turn), and each notification is marked
 * emailed in the same transaction that queues its email, so nothing is sent twice. Membership is
 * checked at send time: a mention in a workspace the person has since left is not sent, nor one
 * already read in the app, nor a deleted comment.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { excerptOf } from '../discussion/notifications.service.js';
import { mentionEmail, type MentionItem } from './email-templates.js';
import { MailTransport } from './mail-transport.service.js';
import { OutboxService } from './outbox.service.js';

const TICK_MS = 30_000;
const DIGEST_EVERY_HOURS = 24;
/** Mentions older than this are never emailed (someone who turns emails on is not sent their history). */
const FORGET_AFTER_HOURS = 48;

interface DueRow {
  id: string;
  user_id: string;
  email: string;
  mode: 'immediate' | 'daily';
  workspace_id: string;
  workspace_name: string;
  thread_id: string;
  body: string;
  anchor_label: string;
  by_name: string | null;
  created_at: Date;
  sendable: boolean;
}

@Injectable()
export class MentionEmailsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Email');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransport,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error(`mention emails failed: ${String(error)}`))
        .finally(() => (this.running = null));
    }, TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Queues the mention emails that are due; returns how many emails were queued. */
  async runOnce(): Promise<number> {
    if (!(await this.transport.configured())) return 0;
    return await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', ['marginalia:mention-emails'])) as [{ locked: boolean }];
      if (!locked) return 0;
      const rows = (await manager.query(
        `SELECT n.id, n.user_id, u.email, u.mention_emails AS mode, n.workspace_id, w.name AS workspace_name, n.thread_id,
                c.body, t.label AS anchor_label, a.display_name AS by_name, n.created_at,
                (m.user_id IS NOT NULL AND n.read_at IS NULL AND c.deleted_at IS NULL AND w.archived_at IS NULL) AS sendable
           FROM notifications n
           JOIN users u ON u.id = n.user_id
           JOIN workspaces w ON w.id = n.workspace_id
           JOIN comments c ON c.id = n.comment_id
           JOIN threads t ON t.id = n.thread_id
           LEFT JOIN users a ON a.id = c.author_id
           LEFT JOIN memberships m ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id
          WHERE n.kind = 'mention' AND n.emailed_at IS NULL AND u.disabled_at IS NULL
            AND n.created_at > now() - make_interval(hours => $1)
            AND (u.mention_emails = 'immediate'
                 OR (u.mention_emails = 'daily' AND (u.mention_digest_sent_at IS NULL OR u.mention_digest_sent_at <= now() - make_interval(hours => $2))))
          ORDER BY n.created_at, n.id`,
        [FORGET_AFTER_HOURS, DIGEST_EVERY_HOURS],
      )) as DueRow[];
      const byUser = new Map<string, DueRow[]>();
      for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
      const host = ['0.0.0.0', '::'].includes(this.config.HOST) ? 'localhost' : this.config.HOST;
      const base = (this.config.PUBLIC_URL ?? `http://${host}:${this.config.PORT}`).replace(/\/+$/, '');
      const batchStart = Date.now() - this.config.MENTION_EMAIL_BATCH_SECONDS * 1000;
      let queued = 0;
      for (const [userId, mentions] of byUser) {
        const first = mentions[0]!;
        // Immediate: wait until the first mention has had its minute, so a burst goes out as one email.
        if (first.mode === 'immediate' && first.created_at.getTime() > batchStart) continue;
        const items: MentionItem[] = mentions
          .filter((row) => row.sendable)
          .map((row) => ({
            byName: row.by_name ?? 'Former member',
            workspaceName: row.workspace_name,
            anchorLabel: row.anchor_label,
            excerpt: excerptOf(row.body),
            url: `${base}/w/${row.workspace_id}/discussion?thread=${row.thread_id}`,
          }));
        if (items.length > 0) {
          await this.outbox.enqueue(manager, mentionEmail({ to: first.email, mentions: items, digest: first.mode === 'daily' }));
          queued += 1;
          if (first.mode === 'daily') await manager.query('UPDATE users SET mention_digest_sent_at = now() WHERE id = $1', [userId]);
        }
        await manager.query('UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])', [mentions.map((row) => row.id)]);
      }
      return queued;
    });
  }
}
