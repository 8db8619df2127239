/**
 * Threads and comments as queries return them, and their DTOs. A thread's label is its
 * target's live name when it has one (a renamed tag, an edited node), else the stored one;
 * it is orphaned when its target is gone (ids nulled by the foreign keys, or the map element
 * missing from a projection made after the thread started: the element was checked against
 * the live map then, and a brand-new node may not be projected yet).
 */
import type { Comment, Thread, ThreadAnchor } from '@marginalia/shared';

export interface ThreadRow {
  id: string;
  anchor_kind: ThreadAnchor['kind'];
  document_id: string | null;
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  annotation_id: string | null;
  tag_id: string | null;
  map_id: string | null;
  element_id: string | null;
  evidence_id: string | null;
  label: string;
  orphaned: boolean;
  created_by: string | null;
  created_at: Date;
  last_activity_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  comment_count: number;
  unread_count: number;
  participant_ids: string[] | null;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  mentions: string[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

/** Select list for threads `t`; `$2` must be the caller's user id. */
export const THREAD_SELECT = `SELECT t.id, t.anchor_kind, t.document_id, t.start, t."end", t.exact, t.prefix, t.suffix, t.annotation_id, t.tag_id, t.map_id,
    t.element_id, t.evidence_id,
    coalesce(CASE t.anchor_kind WHEN 'tag' THEN tg.name WHEN 'document' THEN d.title WHEN 'map-node' THEN me.label WHEN 'map-edge' THEN me.label END, t.label) AS label,
    CASE t.anchor_kind
      WHEN 'text' THEN t.document_id IS NULL
      WHEN 'document' THEN t.document_id IS NULL
      WHEN 'annotation' THEN t.annotation_id IS NULL
      WHEN 'tag' THEN t.tag_id IS NULL
      WHEN 'map-node' THEN t.map_id IS NULL OR (me.element_id IS NULL AND am.updated_at > t.created_at)
      WHEN 'map-edge' THEN t.map_id IS NULL OR (me.element_id IS NULL AND am.updated_at > t.created_at)
      WHEN 'ach-cell' THEN t.map_id IS NULL OR ((me.element_id IS NULL OR NOT EXISTS (SELECT 1 FROM map_elements ev WHERE ev.map_id = t.map_id AND ev.element_id = t.evidence_id)) AND am.updated_at > t.created_at)
      ELSE false END AS orphaned,
    t.created_by, t.created_at, t.last_activity_at, t.resolved_at, t.resolved_by,
    (SELECT count(*) FROM comments c WHERE c.thread_id = t.id)::int AS comment_count,
    (SELECT count(*) FROM comments c WHERE c.thread_id = t.id AND c.deleted_at IS NULL AND c.author_id IS DISTINCT FROM $2
       AND c.created_at > coalesce((SELECT r.read_at FROM thread_reads r WHERE r.thread_id = t.id AND r.user_id = $2), '-infinity'))::int AS unread_count,
    ARRAY(SELECT DISTINCT c.author_id FROM comments c WHERE c.thread_id = t.id AND c.author_id IS NOT NULL) AS participant_ids
  FROM threads t
  LEFT JOIN tags tg ON tg.id = t.tag_id
  LEFT JOIN documents d ON d.id = t.document_id
  LEFT JOIN map_elements me ON me.map_id = t.map_id AND me.element_id = t.element_id
  LEFT JOIN argument_maps am ON am.id = t.map_id`;

export const COMMENT_SELECT = `SELECT c.id, c.thread_id, c.author_id, u.display_name AS author_name, c.body, c.mentions, c.created_at, c.edited_at, c.deleted_at
  FROM comments c LEFT JOIN users u ON u.id = c.author_id`;

export function toCommentDto(row: CommentRow): Comment {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name ?? 'Former member',
    body: deleted ? '' : row.body,
    mentions: deleted ? [] : row.mentions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

/** The columns of a thread's anchor, as the threads table stores them. */
export type AnchorColumns = Pick<ThreadRow, 'anchor_kind' | 'document_id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'annotation_id' | 'tag_id' | 'map_id' | 'element_id' | 'evidence_id' | 'label'>;

export function toThreadAnchor(row: AnchorColumns): ThreadAnchor {
  return {
    kind: row.anchor_kind,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    quote: row.exact !== null ? { exact: row.exact, prefix: row.prefix ?? '', suffix: row.suffix ?? '' } : null,
    annotationId: row.annotation_id,
    tagId: row.tag_id,
    mapId: row.map_id,
    elementId: row.element_id,
    evidenceId: row.evidence_id,
    label: row.label,
  };
}

export function toThreadDto(row: ThreadRow, firstComment: CommentRow | undefined): Thread {
  return {
    id: row.id,
    anchor: toThreadAnchor(row),
    orphaned: row.orphaned,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    commentCount: row.comment_count,
    unreadCount: row.unread_count,
    firstComment: firstComment ? toCommentDto(firstComment) : null,
    participantIds: row.participant_ids ?? [],
  };
}
