/**
 * The instance audit log: sign-ins, administration, settings. Unlike a workspace's log it
 * outlives the workspaces it mentions (a deletion is recorded here and must stay readable).
 */
import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

export const INSTANCE_AUDIT_ACTIONS = [
  'auth.signedIn',
  'auth.signInFailed',
  'auth.signedOut',
  'auth.passwordChanged',
  'auth.passwordReset',
  'auth.ssoSignedIn',
  'auth.ssoRefused',
  'user.registered',
  'user.invited',
  'user.disabled',
  'user.enabled',
  'user.promoted',
  'user.demoted',
  'user.removed',
  'user.passwordResetLinkCreated',
  'workspace.archived',
  'workspace.restored',
  'workspace.deleted',
  'workspace.ownershipTransferred',
  'workspace.adminJoined',
  'settings.changed',
  'backup.created',
  'user.instanceInviteRevoked',
  'email.testSent',
] as const;
export const InstanceAuditActionSchema = z.enum(INSTANCE_AUDIT_ACTIONS);
export type InstanceAuditAction = z.infer<typeof InstanceAuditActionSchema>;

export const InstanceAuditEntrySchema = z.object({
  id: UuidSchema,
  action: InstanceAuditActionSchema,
  actor: z.object({ id: UuidSchema, displayName: z.string(), email: z.string() }).nullable(),
  /** What the action was about: a user, a workspace, a setting... with a label kept from the moment it happened. */
  subject: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: IsoDateSchema,
});
export type InstanceAuditEntry = z.infer<typeof InstanceAuditEntrySchema>;
