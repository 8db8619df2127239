/** Which roles a member may hand out: only owners can make (or unmake) owners. */
import { WORKSPACE_ROLES, type WorkspaceRole } from '@marginalia/shared';
import { roleLabel } from '../../lib/format';
import type { SelectOption } from '../../ui';

export function assignableRoleOptions(myRole: WorkspaceRole): SelectOption[] {
  return WORKSPACE_ROLES.map((role) => ({
    value: role,
    label: roleLabel(role),
    disabled: role === 'owner' && myRole !== 'owner',
  }));
}

export function isWorkspaceRole(value: string): value is WorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(value);
}

export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  owner: 'everything, including deleting the workspace',
  admin: 'manage members, invites and settings',
  editor: 'annotate, code and edit maps',
  commenter: 'read and comment',
  viewer: 'read only',
};
