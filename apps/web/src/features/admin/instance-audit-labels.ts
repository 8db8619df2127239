/**
 * Instance audit actions in words. Partial on purpose: an action added by another feature
 * shows as its name until it gets words here.
 */
import { INSTANCE_AUDIT_ACTIONS, type InstanceAuditAction, type InstanceAuditEntry } from '@marginalia/shared';

const LABELS: Partial<Record<InstanceAuditAction, string>> = {
  'auth.signedIn': 'Signed in',
  'auth.signInFailed': 'Failed sign-in',
  'auth.signedOut': 'Signed out',
  'auth.passwordChanged': 'Changed their password',
  'auth.passwordReset': 'Reset their password',
  'auth.ssoSignedIn': 'Signed in with single sign-on',
  'auth.ssoRefused': 'Single sign-on refused',
  'user.registered': 'Registered',
  'user.invited': 'Invited to the instance',
  'user.disabled': 'Disabled an account',
  'user.enabled': 'Enabled an account',
  'user.promoted': 'Made an administrator',
  'user.demoted': 'Removed administrator rights',
  'user.removed': 'Removed an account',
  'user.passwordResetLinkCreated': 'Created a password reset link',
  'workspace.archived': 'Archived a workspace',
  'workspace.restored': 'Restored a workspace',
  'workspace.deleted': 'Deleted a workspace',
  'workspace.ownershipTransferred': 'Transferred a workspace',
  'workspace.adminJoined': 'Joined an orphaned workspace as owner',
  'settings.changed': 'Changed instance settings',
  'backup.created': 'Created a backup',
};

export function instanceActionLabel(action: string): string {
  return LABELS[action as InstanceAuditAction] ?? action;
}

export const INSTANCE_ACTION_OPTIONS = INSTANCE_AUDIT_ACTIONS.map((action) => ({ value: action, label: instanceActionLabel(action) }));

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  return JSON.stringify(value);
}

/**
 * Details as short readable text: "reason: email or password is incorrect". A nested object
 * (the settings changed) reads as its own facts: "registration: closed, inviteTtlHours: 12".
 */
export function describeDetails(entry: InstanceAuditEntry): string {
  return Object.entries(entry.details)
    .map(([key, value]) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>)
            .map(([inner, innerValue]) => `${inner}: ${describeValue(innerValue)}`)
            .join(', ')
        : `${key}: ${describeValue(value)}`,
    )
    .join('; ');
}
