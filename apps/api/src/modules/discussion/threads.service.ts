/**
 * Threads: start one on an anchor with its first comment, list them with filters and
 * full-text search, read one, resolve and reopen, mark read. Threads on annotations the
 * caller may not see (blind coding) are withheld like the annotations themselves.
 */
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { DISCUSSION_LIMITS, type CreateThreadBody, type Thread, type ThreadDetail, type ThreadListQuerySchema } from '@marginalia/shared';
import { SqlParams, visibleTo } from '../annotations/annotation-visibility.js';
import { AuditService } from '../audit/audit.service.js';
import { CodingSettingsService } from '../codebook/coding-settings.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import { CommentsService } from './comments.service.js';
import { NotificationsService } from './notifications.service.js';
import { ThreadAnchors } from './thread-anchors.js';
import { COMMENT_SELECT, THREAD_SELECT, toCommentDto, toThreadDto, type CommentRow, type ThreadRow } from './thread-rows.js';

export interface DiscussionCaller {
  member: WorkspaceMember;
  userId: string;
}

type ListQuery = z.output<typeof ThreadListQuerySchema>;

@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly anchors: ThreadAnchors,
    private readonly comments: CommentsService,
    private readonly notifications: NotificationsService,
    private readonly settings: CodingSettingsService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: DiscussionCaller, body: CreateThreadBody): Promise<{ detail: ThreadDetail; notified: string[] }> {
    const workspaceId = caller.member.workspaceId;
    const visibility = await this.visibility(caller);
    const anchor = await this.anchors.resolve(workspaceId, body.anchor, async (manager, annotationId) => {
      const params = new SqlParams(annotationId);
      const rows = (await manager.query(`SELECT 1 FROM annotations a WHERE a.id = $1 AND ${visibility(params, 'a')}`, params.values)) as unknown[];
      return rows.length > 0;
    });
    const { threadId, notified } = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO threads (workspace_id, anchor_kind, document_id, start, "end", exact, prefix, suffix, annotation_id, tag_id, map_id, element_id, evidence_id, label, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [workspaceId, anchor.anchor_kind, anchor.document_id, anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, anchor.annotation_id, anchor.tag_id, anchor.map_id, anchor.element_id, anchor.evidence_id, anchor.label, caller.userId],
      )) as { id: string }[];
      const id = row!.id;
      await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: 'thread.created', details: { threadId: id, anchor: anchor.anchor_kind, label: anchor.label } });
      const added = await this.comments.insert(manager, caller, id, body.body);
      await this.markReadIn(manager, caller.userId, id);
      return { threadId: id, notified: added.notified };
    });
    return { detail: await this.detail(caller, threadId), notified };
  }

  async list(caller: DiscussionCaller, query: ListQuery): Promise<{ threads: Thread[]; nextCursor: string | null }> {
    const params = new SqlParams(caller.member.workspaceId, caller.userId);
    const visibility = await this.visibility(caller);
    const conditions = ['t.workspace_id = $1', `(t.annotation_id IS NULL OR EXISTS (SELECT 1 FROM annotations a WHERE a.id = t.annotation_id AND ${visibility(params, 'a')}))`];
    if (query.status === 'open') conditions.push('t.resolved_at IS NULL');
    if (query.status === 'resolved') conditions.push('t.resolved_at IS NOT NULL');
    if (query.mine) conditions.push(`(t.created_by = $2 OR EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.author_id = $2))`);
    if (query.mentioningMe) conditions.push(`EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.deleted_at IS NULL AND $2 = ANY(c.mentions))`);
    if (query.anchorKind) conditions.push(`t.anchor_kind = ${params.add(query.anchorKind)}`);
    if (query.documentId) conditions.push(`t.document_id = ${params.add(query.documentId)}`);
    if (query.mapId) conditions.push(`t.map_id = ${params.add(query.mapId)}`);
    if (query.annotationId) conditions.push(`t.annotation_id = ${params.add(query.annotationId)}`);
    if (query.tagId) conditions.push(`t.tag_id = ${params.add(query.tagId)}`);
    if (query.q) conditions.push(`EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.deleted_at IS NULL AND c.search_vector @@ websearch_to_tsquery('simple', ${params.add(query.q)}))`);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      conditions.push(`(t.last_activity_at, t.id) < (${params.add(at)}::timestamptz, ${params.add(id)}::uuid)`);
    }
    const rows = (await this.dataSource.query(`${THREAD_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY t.last_activity_at DESC, t.id DESC LIMIT ${DISCUSSION_LIMITS.pageSize + 1}`, params.values)) as ThreadRow[];
    const page = rows.slice(0, DISCUSSION_LIMITS.pageSize);
    const firsts = await this.firstComments(page.map((row) => row.id));
    const last = page.at(-1);
    return {
      threads: page.map((row) => toThreadDto(row, firsts.get(row.id))),
      nextCursor: rows.length > DISCUSSION_LIMITS.pageSize && last ? encodeCursor(last.last_activity_at, last.id) : null,
    };
  }

  async detail(caller: DiscussionCaller, threadId: string): Promise<ThreadDetail> {
    const row = await this.visibleThread(caller, threadId);
    const comments = (await this.dataSource.query(`${COMMENT_SELECT} WHERE c.thread_id = $1 ORDER BY c.created_at, c.id`, [threadId])) as CommentRow[];
    return { thread: toThreadDto(row, comments[0]), comments: comments.map(toCommentDto) };
  }

  async setResolved(caller: DiscussionCaller, threadId: string, resolved: boolean): Promise<ThreadDetail> {
    await this.visibleThread(caller, threadId);
    const workspaceId = caller.member.workspaceId;
    await this.dataSource.transaction(async (manager) => {
      const [, changed] = (await manager.query(
        resolved
          ? `UPDATE threads SET resolved_at = now(), resolved_by = $3, updated_at = now() WHERE id = $1 AND workspace_id = $2 AND resolved_at IS NULL`
          : `UPDATE threads SET resolved_at = NULL, resolved_by = NULL, updated_at = now() WHERE id = $1 AND workspace_id = $2 AND resolved_at IS NOT NULL`,
        resolved ? [threadId, workspaceId, caller.userId] : [threadId, workspaceId],
      )) as [unknown, number];
      if (changed > 0) await this.audit.record(manager, { workspaceId, actorId: caller.userId, action: resolved ? 'thread.resolved' : 'thread.reopened', details: { threadId } });
    });
    return this.detail(caller, threadId);
  }

  /** Marks the thread read for the caller (unread counts) and its notifications too. */
  async markRead(caller: DiscussionCaller, threadId: string): Promise<number> {
    await this.visibleThread(caller, threadId);
    return this.dataSource.transaction((manager) => this.markReadIn(manager, caller.userId, threadId));
  }

  /** The thread, if it is in the caller's workspace and not withheld from them; 404 otherwise. */
  async visibleThread(caller: DiscussionCaller, threadId: string): Promise<ThreadRow> {
    const params = new SqlParams(caller.member.workspaceId, caller.userId, threadId);
    const visibility = await this.visibility(caller);
    const rows = (await this.dataSource.query(
      `${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.id = $3 AND (t.annotation_id IS NULL OR EXISTS (SELECT 1 FROM annotations a WHERE a.id = t.annotation_id AND ${visibility(params, 'a')}))`,
      params.values,
    )) as ThreadRow[];
    if (!rows[0]) throw new NotFoundException('thread not found');
    return rows[0];
  }

  private async markReadIn(manager: EntityManager, userId: string, threadId: string): Promise<number> {
    await manager.query(`INSERT INTO thread_reads (thread_id, user_id, read_at) VALUES ($1, $2, now()) ON CONFLICT (thread_id, user_id) DO UPDATE SET read_at = now()`, [threadId, userId]);
    return this.notifications.markThreadRead(manager, userId, threadId);
  }

  private async firstComments(threadIds: string[]): Promise<Map<string, CommentRow>> {
    if (threadIds.length === 0) return new Map();
    const firsts = (await this.dataSource.query(
      `SELECT * FROM (${COMMENT_SELECT} WHERE c.thread_id = ANY($1::uuid[])) s ORDER BY s.thread_id, s.created_at, s.id`,
      [threadIds],
    )) as CommentRow[];
    const byThread = new Map<string, CommentRow>();
    for (const row of firsts) if (!byThread.has(row.thread_id)) byThread.set(row.thread_id, row);
    return byThread;
  }

  /** The annotation visibility condition for this caller (blind coding). */
  private async visibility(caller: DiscussionCaller): Promise<(params: SqlParams, alias: string) => string> {
    const settings = await this.settings.read(caller.member.workspaceId);
    return (params, alias) => visibleTo(settings, caller.userId, params, alias);
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new BadRequestException('cursor: not a cursor this API gave');
  return [at, id];
}
