/**
 * Everyone in the workspace. Admins change roles in place and remove people; every member
 * can leave. The server enforces the rules; the table only hides what would be refused.
 */
import { canPerform, type Member, type Workspace } from '@marginalia/shared';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatDate, roleLabel } from '../../../lib/format';
import { Badge, Button, ConfirmDialog, Email, useToast } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useLeaveWorkspace, useRemoveMember, useUpdateMemberRole } from '../hooks/useMembers';
import { assignableRoleOptions, isWorkspaceRole } from '../roles';

interface MembersTableProps {
  workspace: Workspace;
  members: Member[];
}

export function MembersTable({ workspace, members }: MembersTableProps) {
  const me = useSignedInUser();
  const { showToast } = useToast();
  const updateRole = useUpdateMemberRole(workspace.id);
  const removeMutation = useRemoveMember(workspace.id);
  const leaveMutation = useLeaveWorkspace(workspace.id, () => {
    showToast(`You left ${workspace.name}.`);
  });
  const [pendingRemoval, setPendingRemoval] = useState<Member | null>(null);

  const canManage = canPerform(workspace.myRole, 'members.manage');
  const isSelf = (member: Member) => member.userId === me.id;
  // Owners can only be changed by owners; nobody but the person can leave on their behalf.
  const canEdit = (member: Member) => canManage && (member.role !== 'owner' || workspace.myRole === 'owner');

  function handleRoleChange(member: Member, value: string) {
    if (!isWorkspaceRole(value) || value === member.role) return;
    updateRole.mutate(
      { userId: member.userId, role: value },
      {
        onSuccess: () => {
          showToast(`${member.displayName} is now ${roleLabel(value).toLowerCase()}.`);
        },
        onError: (error) => {
          showToast(`Could not change the role of ${member.displayName}: ${errorMessage(error)}`, 'danger');
        },
      },
    );
  }

  function closeRemoval() {
    setPendingRemoval(null);
    removeMutation.reset();
    leaveMutation.reset();
  }

  function handleConfirmRemoval() {
    if (!pendingRemoval) return;
    const member = pendingRemoval;
    if (isSelf(member)) {
      leaveMutation.mutate(member.userId);
      return;
    }
    removeMutation.mutate(member.userId, {
      onSuccess: () => {
        closeRemoval();
        showToast(`${member.displayName} was removed from the workspace.`);
      },
    });
  }

  const removingSelf = pendingRemoval !== null && isSelf(pendingRemoval);

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Members of {workspace.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <th scope="row" className="table__primary">
                  {member.displayName}
                  {isSelf(member) && <Badge>you</Badge>}
                </th>
                <td className="table__email">
                  <Email address={member.email} />
                </td>
                <td>
                  {canEdit(member) ? (
                    <select
                      className="input input--select input--compact"
                      aria-label={`Role of ${member.displayName}`}
                      value={member.role}
                      disabled={updateRole.isPending}
                      onChange={(event) => {
                        handleRoleChange(member, event.target.value);
                      }}
                    >
                      {assignableRoleOptions(workspace.myRole).map((option) => (
                        <option key={option.value} value={option.value} disabled={option.disabled}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    roleLabel(member.role)
                  )}
                </td>
                <td>{formatDate(member.joinedAt)}</td>
                <td className="table__actions">
                  {isSelf(member) ? (
                    <Button
                      size="sm"
                      onClick={() => {
                        setPendingRemoval(member);
                      }}
                    >
                      Leave
                    </Button>
                  ) : (
                    canEdit(member) && (
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={`Remove ${member.displayName}`}
                        onClick={() => {
                          setPendingRemoval(member);
                        }}
                      >
                        Remove
                      </Button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={pendingRemoval !== null}
        onClose={closeRemoval}
        onConfirm={handleConfirmRemoval}
        title={removingSelf ? `Leave ${workspace.name}?` : `Remove ${pendingRemoval?.displayName ?? ''}?`}
        description={
          removingSelf ? (
            <p>You will lose access to this workspace until someone invites you again.</p>
          ) : (
            <p>They lose access at once. Their annotations and comments stay in the workspace.</p>
          )
        }
        confirmLabel={removingSelf ? 'Leave workspace' : 'Remove member'}
        destructive
        busy={removeMutation.isPending || leaveMutation.isPending}
        error={removeMutation.error ?? leaveMutation.error}
      />
    </>
  );
}
