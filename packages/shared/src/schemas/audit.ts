import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

export const AUDIT_ACTIONS = [
  'workspace.created',
  'workspace.updated',
  'workspace.archived',
  'workspace.unarchived',
  'workspace.ownershipTransferred',
  'member.added',
  'member.roleChanged',
  'member.removed',
  'member.left',
  'invite.created',
  'invite.revoked',
  'invite.declined',
  'invite.accepted',
  'invite.resent',
  'tag.created',
  'tag.updated',
  'tag.moved',
  'tag.merged',
  'tag.deleted',
  'coding.settingsChanged',
  'import.finished',
  'document.updated',
  'document.deleted',
  'attribution.created',
  'attribution.deleted',
  'map.created',
  'map.renamed',
  'map.archived',
  'map.unarchived',
  'map.duplicated',
  'map.deleted',
  'thread.created',
  'thread.resolved',
  'thread.reopened',
  'comment.created',
  'comment.edited',
  'comment.deleted',
  'export.requested',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  id: UuidSchema,
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({ id: UuidSchema, displayName: z.string() }).nullable(),
  /** Free-form facts about the change, e.g. { userId, from: 'viewer', to: 'editor' }. */
  details: z.record(z.string(), z.unknown()),
  createdAt: IsoDateSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** ISO time: entries strictly older than this (for paging). */
  before: IsoDateSchema.optional(),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditList = z.infer<typeof AuditListSchema>;
