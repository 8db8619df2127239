import { z } from 'zod';
import { EmailSchema, IsoDateSchema, UuidSchema } from './common.js';
import { WorkspaceRoleSchema } from './workspaces.js';

export const AddMemberBodySchema = z.strictObject({
  email: EmailSchema,
  role: WorkspaceRoleSchema,
});
export type AddMemberBody = z.input<typeof AddMemberBodySchema>;

export const UpdateMemberBodySchema = z.strictObject({
  role: WorkspaceRoleSchema,
});
export type UpdateMemberBody = z.input<typeof UpdateMemberBodySchema>;

export const MemberSchema = z.object({
  userId: UuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: WorkspaceRoleSchema,
  joinedAt: IsoDateSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.object({ members: z.array(MemberSchema) });
export type MemberList = z.infer<typeof MemberListSchema>;

export const InviteSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  role: WorkspaceRoleSchema,
  invitedBy: z.object({ id: UuidSchema, displayName: z.string() }).nullable(),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
});
export type Invite = z.infer<typeof InviteSchema>;

export const InviteListSchema = z.object({ invites: z.array(InviteSchema) });
export type InviteList = z.infer<typeof InviteListSchema>;

/**
 * Adding a member by email always gives an invite, whether or not the email has an account
 * (the answer must not tell): its link (shown once, to the inviter) admits whoever holds it,
 * once; someone who already has an account also finds it among their invitations in the app.
 */
export const AddMemberResultSchema = z.object({
  kind: z.literal('invite'),
  invite: InviteSchema,
  inviteUrl: z.string(),
  inviteToken: z.string(),
  /** The invite was also emailed to the address (email configured); the link above works either way. */
  emailed: z.boolean(),
});
export type AddMemberResult = z.infer<typeof AddMemberResultSchema>;

/** What an invite link shows before it is accepted. */
export const InvitePreviewSchema = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: WorkspaceRoleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: IsoDateSchema,
});
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

export const AcceptInviteResultSchema = z.object({ workspaceId: UuidSchema });
export type AcceptInviteResult = z.infer<typeof AcceptInviteResultSchema>;

/** An invitation addressed to the signed-in account, to accept or decline in the app. */
export const MyInvitationSchema = z.object({
  id: UuidSchema,
  workspaceId: UuidSchema,
  workspaceName: z.string(),
  role: WorkspaceRoleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: IsoDateSchema,
});
export type MyInvitation = z.infer<typeof MyInvitationSchema>;
export const MyInvitationListSchema = z.object({ invitations: z.array(MyInvitationSchema) });
export type MyInvitationList = z.infer<typeof MyInvitationListSchema>;
