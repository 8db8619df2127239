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

/** Details as short readable text ("changed: registration → closed"). */
export function describeDetails(entry: InstanceAuditEntry): string {
  return Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}
