/**
 * Comments: add (with mentions of members and notifications), edit one's own (the previous
 * body kept as a revision), delete one's own or, for admins, anyone's (soft: shown as removed,
 * its bodies kept in the history that only admins and the author may read), and history.
 */
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DISCUSSION_LIMITS, MENTION_PATTERN, canPerform, type Comment, type CommentHistory } from '@marginalia/shared';
import { AuditService } from '../audit/audit.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import { NotificationsService } from './notifications.service.js';
import { COMMENT_SELECT, toCommentDto, type CommentRow } from './thread-rows.js';

interface Caller {
  member: WorkspaceMember;
  userId: string;
}

@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** Adds a comment to a thread the caller can see (checked by the caller of this). */
  async add(caller: Caller, threadId: string, body: string): Promise<{ comment: Comment; notified: string[] }> {
    const added = await this.dataSource.transaction((manager) => this.insert(manager, caller, threadId, body));
    return { comment: await this.read(added.commentId), notified: added.notified };
  }

  /** Inside the caller's transaction (also the first comment of a new thread). */
  async insert(manager: EntityManager, caller: Caller, threadId: string, body: string): Promise<{ commentId: string; notified: string[] }> {
    const workspaceId = caller.member.workspaceId;
    // Locks the thread: concurrent comments count against the limit one at a time.
    const threads = (await manager.query(`SELECT id FROM threads WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [threadId, workspaceId])) as unknown[];
    if (threads.length === 0) throw new NotFoundException('thread not found');
    const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM comments WHERE thread_id = $1`, [threadId])) as [{ n: number }];
    if (n >= DISCUSSION_LIMITS.commentsPerThread) throw new BadRequestException(`a thread holds at most ${DISCUSSION_LIMITS.commentsPerThread} comments; start a new thread`);
    const mentions = await this.members(manager, workspaceId, mentionedIds(body));
    const [row] = (await manager.query(`INSERT INTO comments (thread_id, workspace_id, author_id, body, mentions) VALUES ($1, $2, $3, $4, $5::uuid[]) RETURNING id`, [
      threadId,
      workspaceId,
      caller.userId,
      body,
      mentions,
    ])) as { id: string }[];
    await manager.query(`UPDATE threads SET last_activity_at = now(), updated_at = now() WHERE id = $1`, [threadId]);
    await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'comment.created', details: { threadId, commentId: row!.id } });
    const notified = await this.notifications.notifyComment(manager, { workspaceId, threadId, commentId: row!.id, authorId: caller.userId, mentioned: mentions });
    return { commentId: row!.id, notified };
  }

  async edit(caller: Caller, threadId: string, commentId: string, body: string): Promise<{ comment: Comment; notified: string[] }> {
    const workspaceId = caller.member.workspaceId;
    const notified = await this.dataSource.transaction(async (manager) => {
      const comment = await this.existing(manager, workspaceId, threadId, commentId);
      if (comment.deleted_at) throw new BadRequestException('this comment was deleted');
      if (comment.author_id !== caller.userId) throw new ForbiddenException('you can edit only your own comments');
      if (comment.body === body) return [];
      await manager.query(`INSERT INTO comment_revisions (comment_id, body, written_at) VALUES ($1, $2, $3)`, [commentId, comment.body, comment.edited_at ?? comment.created_at]);
      const mentions = await this.members(manager, workspaceId, mentionedIds(body));
      await manager.query(`UPDATE comments SET body = $2, mentions = $3::uuid[], edited_at = now() WHERE id = $1`, [commentId, body, mentions]);
      await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'comment.edited', details: { threadId, commentId } });
      // Only people newly mentioned by the edit hear of it.
      const added = mentions.filter((id) => !comment.mentions.includes(id) && id !== caller.userId);
      if (added.length === 0) return [];
      await manager.query(
        `INSERT INTO notifications (user_id, workspace_id, kind, thread_id, comment_id) SELECT unnest($1::uuid[]), $2, 'mention', $3, $4`,
        [added, workspaceId, threadId, commentId],
      );
      return added;
    });
    return { comment: await this.read(commentId), notified };
  }

  async remove(caller: Caller, threadId: string, commentId: string): Promise<void> {
    const workspaceId = caller.member.workspaceId;
    await this.dataSource.transaction(async (manager) => {
      const comment = await this.existing(manager, workspaceId, threadId, commentId);
      if (comment.deleted_at) return;
      if (comment.author_id !== caller.userId && !canPerform(caller.member.role, 'comments.manage')) {
        throw new ForbiddenException("you can delete only your own comments; admins can delete anyone's");
      }
      await manager.query(`INSERT INTO comment_revisions (comment_id, body, written_at) VALUES ($1, $2, $3)`, [commentId, comment.body, comment.edited_at ?? comment.created_at]);
      await manager.query(`UPDATE comments SET body = '', mentions = '{}', deleted_at = now(), deleted_by = $2 WHERE id = $1`, [commentId, caller.userId]);
      await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'comment.deleted', details: { threadId, commentId, authorId: comment.author_id } });
    });
  }

  /** Every body the comment had, oldest first. A deleted comment's only for its author and admins. */
  async history(caller: Caller, threadId: string, commentId: string): Promise<CommentHistory> {
    const comment = await this.existing(this.dataSource.manager, caller.member.workspaceId, threadId, commentId);
    if (comment.deleted_at && comment.author_id !== caller.userId && !canPerform(caller.member.role, 'comments.manage')) return { revisions: [] };
    const rows = (await this.dataSource.query(`SELECT body, written_at FROM comment_revisions WHERE comment_id = $1 ORDER BY written_at, id`, [commentId])) as { body: string; written_at: Date }[];
    const revisions = rows.map((row) => ({ body: row.body, writtenAt: row.written_at.toISOString() }));
    if (!comment.deleted_at) revisions.push({ body: comment.body, writtenAt: (comment.edited_at ?? comment.created_at).toISOString() });
    return { revisions };
  }

  async read(commentId: string): Promise<Comment> {
    const rows = (await this.dataSource.query(`${COMMENT_SELECT} WHERE c.id = $1`, [commentId])) as CommentRow[];
    return toCommentDto(rows[0]!);
  }

  private async existing(manager: EntityManager, workspaceId: string, threadId: string, commentId: string): Promise<CommentRow> {
    const rows = (await manager.query(`${COMMENT_SELECT} WHERE c.id = $1 AND c.thread_id = $2 AND c.workspace_id = $3`, [commentId, threadId, workspaceId])) as CommentRow[];
    if (!rows[0]) throw new NotFoundException('comment not found');
    return rows[0];
  }

  /** The ids that are members of the workspace, in the order first mentioned. */
  private async members(manager: EntityManager, workspaceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(`SELECT user_id FROM memberships WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])`, [workspaceId, ids])) as { user_id: string }[];
    const members = new Set(rows.map((row) => row.user_id));
    return ids.filter((id) => members.has(id));
  }
}

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((match) => match[1]!.toLowerCase()))];
}
