/** Invites that have not been accepted yet; admins can revoke them before they are used. */
import type { Invite } from '@marginalia/shared';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, roleLabel } from '../../../lib/format';
import { Button, Email, EmptyState, ErrorState, LoadingState, useToast } from '../../../ui';
import { useInvites, useRevokeInvite } from '../hooks/useMembers';

export function PendingInvites({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { data: invites, error, isPending, refetch } = useInvites(workspaceId, true);
  const revokeMutation = useRevokeInvite(workspaceId);
  const { showToast } = useToast();

  function handleRevoke(invite: Invite) {
    revokeMutation.mutate(invite.id, {
      onSuccess: () => {
        showToast(`The invite for ${invite.email} was revoked.`);
      },
      onError: (revokeError) => {
        showToast(`Could not revoke the invite: ${errorMessage(revokeError)}`, 'danger');
      },
    });
  }

  if (isPending) return <LoadingState label="Loading invites…" />;
  if (error) return <ErrorState title="Invites could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (invites.length === 0) {
    return (
      <EmptyState title="No pending invites">
        <p>Invites to people without an account appear here until they are accepted.</p>
      </EmptyState>
    );
  }

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Pending invites</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Invited by</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((invite) => (
            <tr key={invite.id}>
              <th scope="row" className="table__primary table__email">
                <Email address={invite.email} />
              </th>
              <td>{roleLabel(invite.role)}</td>
              <td>{invite.invitedBy?.displayName ?? '—'}</td>
              <td>{formatDateTime(invite.expiresAt)}</td>
              <td className="table__actions">
                {canManage && (
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={`Revoke invite for ${invite.email}`}
                    busy={revokeMutation.isPending && revokeMutation.variables === invite.id}
                    onClick={() => {
                      handleRevoke(invite);
                    }}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
