/**
 * Notifications: written in the transaction of the comment that causes them (a mention, or a
 * reply in a thread the user started or commented in), listed per user across the workspaces
 * they still belong to, and marked read.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Notification } from '@marginalia/shared';

/** Kept per user, newest first; older ones are not listed. */
const LISTED = 100;
const EXCERPT_CHARS = 140;

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Notifies the mentioned members and the thread's other participants; returns who was notified. */
  async notifyComment(manager: EntityManager, input: { workspaceId: string; threadId: string; commentId: string; authorId: string; mentioned: string[] }): Promise<string[]> {
    const participants = (await manager.query(
      `SELECT created_by AS user_id FROM threads WHERE id = $1 AND created_by IS NOT NULL
       UNION SELECT author_id FROM comments WHERE thread_id = $1 AND author_id IS NOT NULL AND deleted_at IS NULL`,
      [input.threadId],
    )) as { user_id: string }[];
    const mentioned = new Set(input.mentioned.filter((id) => id !== input.authorId));
    const replied = participants.map((row) => row.user_id).filter((id) => id !== input.authorId && !mentioned.has(id));
    const rows = [...[...mentioned].map((userId) => [userId, 'mention']), ...replied.map((userId) => [userId, 'reply'])];
    if (rows.length === 0) return [];
    // Only members of the workspace: a participant who left gets nothing.
    await manager.query(
      `INSERT INTO notifications (user_id, workspace_id, kind, thread_id, comment_id)
       SELECT n.user_id, $1, n.kind, $2, $3 FROM unnest($4::uuid[], $5::text[]) AS n(user_id, kind)
        WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = $1 AND m.user_id = n.user_id)`,
      [input.workspaceId, input.threadId, input.commentId, rows.map((row) => row[0]), rows.map((row) => row[1])],
    );
    return rows.map((row) => row[0]!);
  }

  async list(userId: string, unreadOnly: boolean): Promise<{ notifications: Notification[]; unreadCount: number }> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.workspace_id, w.name AS workspace_name, n.thread_id, n.comment_id, c.author_id AS by_user_id, u.display_name AS by_name,
              c.body, c.deleted_at, t.label AS anchor_label, n.created_at, n.read_at
         FROM notifications n
         JOIN memberships m ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id
         JOIN workspaces w ON w.id = n.workspace_id
         JOIN comments c ON c.id = n.comment_id
         JOIN threads t ON t.id = n.thread_id
         LEFT JOIN users u ON u.id = c.author_id
        WHERE n.user_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
        ORDER BY n.created_at DESC, n.id LIMIT ${LISTED}`,
      [userId],
    )) as {
      id: string;
      kind: 'mention' | 'reply';
      workspace_id: string;
      workspace_name: string;
      thread_id: string;
      comment_id: string;
      by_user_id: string | null;
      by_name: string | null;
      body: string;
      deleted_at: Date | null;
      anchor_label: string;
      created_at: Date;
      read_at: Date | null;
    }[];
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications x JOIN memberships m ON m.workspace_id = x.workspace_id AND m.user_id = x.user_id WHERE x.user_id = $1 AND x.read_at IS NULL`,
      [userId],
    )) as [{ n: number }];
    return {
      unreadCount: n,
      notifications: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        workspaceId: row.workspace_id,
        workspaceName: row.workspace_name,
        threadId: row.thread_id,
        commentId: row.comment_id,
        byUserId: row.by_user_id,
        byName: row.by_name ?? 'Former member',
        excerpt: row.deleted_at ? '(comment removed)' : excerptOf(row.body),
        anchorLabel: row.anchor_label,
        createdAt: row.created_at.toISOString(),
        readAt: row.read_at?.toISOString() ?? null,
      })),
    };
  }

  async markRead(userId: string, which: { ids: string[] } | { all: true }): Promise<void> {
    if ('all' in which) await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    else await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, which.ids]);
  }

  /** Reading a thread reads its notifications too. */
  async markThreadRead(manager: EntityManager, userId: string, threadId: string): Promise<number> {
    const [, count] = (await manager.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND thread_id = $2 AND read_at IS NULL`, [userId, threadId])) as [unknown, number];
    return count;
  }
}

/** Plain text of the start of a comment: Markdown marks and mention targets dropped. */
export function excerptOf(markdown: string): string {
  const text = markdown
    .replace(/\[@([^\]]+)\]\(mention:[^)]+\)/g, '@$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}
