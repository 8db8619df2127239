/**
 * Discussion: threads anchored to what they are about, comments in Markdown, notifications.
 * An anchor names its target by id; the server checks it belongs to the workspace and adds
 * what a reader needs to see it in place (the quote, the tag's or node's name). A thread whose
 * target is deleted stays, marked orphaned, with the last label it had.
 */
import { z } from 'zod';
import { TextQuoteSchema } from '../anchors/text-anchor.js';
import { IsoDateSchema, multilineText, UuidSchema } from './common.js';

export const DISCUSSION_LIMITS = {
  /** Characters of one comment's Markdown. */
  commentChars: 10_000,
  /** Comments per thread. */
  commentsPerThread: 1_000,
  /** Threads listed per page. */
  pageSize: 100,
} as const;

const ElementId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a map element id');

export const THREAD_ANCHOR_KINDS = ['text', 'annotation', 'tag', 'map-node', 'map-edge', 'ach-cell', 'document', 'workspace'] as const;
export type ThreadAnchorKind = (typeof THREAD_ANCHOR_KINDS)[number];

/** What a client sends to say what a thread is about. */
export const ThreadAnchorInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), documentId: UuidSchema, start: z.number().int().min(0), end: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('annotation'), annotationId: UuidSchema }),
  z.strictObject({ kind: z.literal('tag'), tagId: UuidSchema }),
  z.strictObject({ kind: z.literal('map-node'), mapId: UuidSchema, elementId: ElementId }),
  z.strictObject({ kind: z.literal('map-edge'), mapId: UuidSchema, elementId: ElementId }),
  z.strictObject({ kind: z.literal('ach-cell'), mapId: UuidSchema, hypothesisId: ElementId, evidenceId: ElementId }),
  z.strictObject({ kind: z.literal('document'), documentId: UuidSchema }),
  z.strictObject({ kind: z.literal('workspace') }),
]);
export type ThreadAnchorInput = z.infer<typeof ThreadAnchorInputSchema>;

/** The anchor as stored: the input's ids plus what shows it in place. */
export const ThreadAnchorSchema = z.object({
  kind: z.enum(THREAD_ANCHOR_KINDS),
  documentId: UuidSchema.nullable(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  quote: TextQuoteSchema.nullable(),
  annotationId: UuidSchema.nullable(),
  tagId: UuidSchema.nullable(),
  mapId: UuidSchema.nullable(),
  /** Map node or edge id; for an ACH cell, the hypothesis (explanation) node. */
  elementId: z.string().nullable(),
  /** For an ACH cell, the evidence node. */
  evidenceId: z.string().nullable(),
  /** A short human label: the quote, the tag's name, the node's text, the document's title. */
  label: z.string(),
});
export type ThreadAnchor = z.infer<typeof ThreadAnchorSchema>;

export const CommentSchema = z.object({
  id: UuidSchema,
  threadId: UuidSchema,
  authorId: UuidSchema.nullable(),
  authorName: z.string(),
  /** Markdown; empty once deleted. */
  body: z.string(),
  /** Members mentioned with [@Name](mention:<userId>). */
  mentions: z.array(UuidSchema),
  createdAt: IsoDateSchema,
  editedAt: IsoDateSchema.nullable(),
  deletedAt: IsoDateSchema.nullable(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const ThreadSchema = z.object({
  id: UuidSchema,
  anchor: ThreadAnchorSchema,
  /** The anchored thing was deleted; the thread stays readable. */
  orphaned: z.boolean(),
  createdBy: UuidSchema.nullable(),
  createdAt: IsoDateSchema,
  /** Time of the latest comment. */
  lastActivityAt: IsoDateSchema,
  resolvedAt: IsoDateSchema.nullable(),
  resolvedBy: UuidSchema.nullable(),
  commentCount: z.number().int(),
  /** Comments by others since the caller last read the thread. */
  unreadCount: z.number().int(),
  /** The first comment (the thread's opening), for lists. */
  firstComment: CommentSchema.nullable(),
  participantIds: z.array(UuidSchema),
});
export type Thread = z.infer<typeof ThreadSchema>;

export const ThreadListSchema = z.object({ threads: z.array(ThreadSchema), nextCursor: z.string().nullable() });
export type ThreadList = z.infer<typeof ThreadListSchema>;

export const ThreadDetailSchema = z.object({ thread: ThreadSchema, comments: z.array(CommentSchema) });
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ThreadListQuerySchema = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('all'),
  /** Threads the caller started or commented in. */
  mine: booleanFlag.optional(),
  /** Threads where a comment mentions the caller. */
  mentioningMe: booleanFlag.optional(),
  anchorKind: z.enum(THREAD_ANCHOR_KINDS).optional(),
  documentId: UuidSchema.optional(),
  mapId: UuidSchema.optional(),
  annotationId: UuidSchema.optional(),
  tagId: UuidSchema.optional(),
  /** Full-text search over the threads' comments. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
});
export type ThreadListQuery = z.input<typeof ThreadListQuerySchema>;

const CommentBodySchema = multilineText().trim().min(1, 'must not be empty').max(DISCUSSION_LIMITS.commentChars, `must be at most ${DISCUSSION_LIMITS.commentChars} characters`);

export const CreateThreadBodySchema = z.strictObject({ anchor: ThreadAnchorInputSchema, body: CommentBodySchema });
export type CreateThreadBody = z.input<typeof CreateThreadBodySchema>;

export const CommentBodyInputSchema = z.strictObject({ body: CommentBodySchema });
export type CommentBodyInput = z.input<typeof CommentBodyInputSchema>;

export const CommentRevisionSchema = z.object({ body: z.string(), writtenAt: IsoDateSchema });
export const CommentHistorySchema = z.object({ revisions: z.array(CommentRevisionSchema) });
export type CommentHistory = z.infer<typeof CommentHistorySchema>;

export const NOTIFICATION_KINDS = ['mention', 'reply'] as const;
export const NotificationSchema = z.object({
  id: UuidSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  workspaceId: UuidSchema,
  workspaceName: z.string(),
  threadId: UuidSchema,
  commentId: UuidSchema,
  byUserId: UuidSchema.nullable(),
  byName: z.string(),
  /** The start of the comment, as plain text. */
  excerpt: z.string(),
  anchorLabel: z.string(),
  createdAt: IsoDateSchema,
  readAt: IsoDateSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ notifications: z.array(NotificationSchema), unreadCount: z.number().int() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationListQuerySchema = z.object({ unread: booleanFlag.optional() });

export const MarkNotificationsReadBodySchema = z.union([z.strictObject({ ids: z.array(UuidSchema).min(1).max(500) }), z.strictObject({ all: z.literal(true) })]);
export type MarkNotificationsReadBody = z.input<typeof MarkNotificationsReadBodySchema>;

/** `[@Name](mention:<uuid>)`: how the composer writes a mention; the server keeps members' only. */
export const MENTION_PATTERN = /\[@[^\]\n]{1,80}\]\(mention:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;
