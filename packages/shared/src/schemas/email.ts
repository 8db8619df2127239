/**
 * Email: the outbox admins watch, password reset, instance invitations, bulk workspace invites
 * and the per-user mention email preference. Email is optional: every flow here also works
 * through links shown to the person who started it.
 */
import { z } from 'zod';
import { EmailSchema, IsoDateSchema, PasswordSchema, UuidSchema } from './common.js';
import { InviteSchema } from './members.js';
import { WorkspaceRoleSchema } from './workspaces.js';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const EMAIL_KINDS = ['invite', 'instanceInvite', 'passwordReset', 'verifyEmail', 'mention', 'mentionDigest', 'test'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** One message in the outbox: what an admin sees to tell a lost email from a slow one. */
export const OutboxMessageSchema = z.object({
  id: UuidSchema,
  kind: z.enum(EMAIL_KINDS),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoDateSchema,
  nextAttemptAt: IsoDateSchema.nullable(),
  sentAt: IsoDateSchema.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxListSchema = z.object({ configured: z.boolean(), messages: z.array(OutboxMessageSchema) });
export type OutboxList = z.infer<typeof OutboxListSchema>;

export const SendTestEmailResultSchema = z.object({ to: z.string() });
export type SendTestEmailResult = z.infer<typeof SendTestEmailResultSchema>;

/** A one-time link an admin hands over (or that is emailed): sets a new password once, before expiresAt. */
export const PasswordResetLinkSchema = z.object({ url: z.string(), expiresAt: IsoDateSchema });
export type PasswordResetLink = z.infer<typeof PasswordResetLinkSchema>;

export const ForgotPasswordBodySchema = z.strictObject({ email: EmailSchema });
export type ForgotPasswordBody = z.input<typeof ForgotPasswordBodySchema>;

export const PasswordResetPreviewSchema = z.object({ email: z.string(), expiresAt: IsoDateSchema });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreviewSchema>;

export const ResetPasswordBodySchema = z.strictObject({ token: z.string().min(1).max(128), password: PasswordSchema });
export type ResetPasswordBody = z.input<typeof ResetPasswordBodySchema>;

/** Start of the 403 message when joining needs the address confirmed first (a confirmation email was sent). */
export const EMAIL_UNVERIFIED_PREFIX = 'confirm your email address first';

export const VerifyEmailBodySchema = z.strictObject({ token: z.string().min(1).max(128) });
export type VerifyEmailBody = z.input<typeof VerifyEmailBodySchema>;
export const VerifyEmailResultSchema = z.object({ workspaceId: UuidSchema.nullable() });
export type VerifyEmailResult = z.infer<typeof VerifyEmailResultSchema>;

export const MENTION_EMAIL_MODES = ['off', 'immediate', 'daily'] as const;
export type MentionEmailMode = (typeof MENTION_EMAIL_MODES)[number];
export const EmailPreferencesSchema = z.object({ mentions: z.enum(MENTION_EMAIL_MODES) });
export type EmailPreferences = z.infer<typeof EmailPreferencesSchema>;
export const UpdateEmailPreferencesBodySchema = z.strictObject({ mentions: z.enum(MENTION_EMAIL_MODES) });
export type UpdateEmailPreferencesBody = z.input<typeof UpdateEmailPreferencesBodySchema>;

/** Invitations to the instance itself (registration: invite-only, without a workspace). */
export const InstanceInviteSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  invitedBy: z.object({ id: UuidSchema, displayName: z.string() }).nullable(),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
});
export type InstanceInvite = z.infer<typeof InstanceInviteSchema>;
export const InstanceInviteListSchema = z.object({ invites: z.array(InstanceInviteSchema) });
export type InstanceInviteList = z.infer<typeof InstanceInviteListSchema>;
export const CreateInstanceInviteBodySchema = z.strictObject({ email: EmailSchema });
export type CreateInstanceInviteBody = z.input<typeof CreateInstanceInviteBodySchema>;
export const CreatedInstanceInviteSchema = z.object({ invite: InstanceInviteSchema, inviteUrl: z.string(), emailed: z.boolean() });
export type CreatedInstanceInvite = z.infer<typeof CreatedInstanceInviteSchema>;
export const InstanceInvitePreviewSchema = z.object({ email: z.string(), expiresAt: IsoDateSchema });
export type InstanceInvitePreview = z.infer<typeof InstanceInvitePreviewSchema>;

/** A workspace invite made again: new token and expiry, the old link is dead. */
export const ResentInviteSchema = z.object({ invite: InviteSchema, inviteUrl: z.string(), emailed: z.boolean() });
export type ResentInvite = z.infer<typeof ResentInviteSchema>;

/** At most this many lines in one bulk invite. */
export const BULK_INVITE_MAX_LINES = 200;
export const BulkInviteBodySchema = z.strictObject({
  /** One email per line (or comma/semicolon separated), each optionally followed by a role: `ada@example.org editor`. */
  text: z.string().max(50_000),
  /** The role of lines that name none. */
  role: WorkspaceRoleSchema,
});
export type BulkInviteBody = z.input<typeof BulkInviteBodySchema>;

export const BulkInviteLineResultSchema = z.object({
  line: z.number().int(),
  input: z.string(),
  email: z.string().nullable(),
  role: WorkspaceRoleSchema.nullable(),
  status: z.enum(['invited', 'skipped']),
  reason: z.string().nullable(),
  inviteUrl: z.string().nullable(),
});
export type BulkInviteLineResult = z.infer<typeof BulkInviteLineResultSchema>;
export const BulkInviteResultSchema = z.object({
  invited: z.number().int(),
  skipped: z.number().int(),
  emailed: z.boolean(),
  lines: z.array(BulkInviteLineResultSchema),
});
export type BulkInviteResult = z.infer<typeof BulkInviteResultSchema>;
