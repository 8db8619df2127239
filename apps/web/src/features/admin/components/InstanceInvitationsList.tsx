/** Pending invitations to the instance, newest first, each revocable. */
import type { InstanceInvite } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { Button, Email, EmptyState, ErrorState, LoadingState, useToast } from '../../../ui';
import { emailAdminKeys, listInstanceInvitations, revokeInstanceInvitation } from '../email-api';

export function InstanceInvitationsList() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const invitations = useQuery({ queryKey: emailAdminKeys.invitations, queryFn: listInstanceInvitations });
  const revokeMutation = useMutation({
    mutationFn: (invite: InstanceInvite) => revokeInstanceInvitation(invite.id),
    onSuccess: async (_result, invite) => {
      showToast(`The invitation for ${invite.email} was revoked.`);
      await queryClient.invalidateQueries({ queryKey: emailAdminKeys.invitations });
    },
    onError: (error) => {
      showToast(`Could not revoke: ${errorMessage(error)}`, 'danger');
    },
  });

  if (invitations.isPending) return <LoadingState label="Loading invitations…" />;
  if (invitations.error) return <ErrorState title="Invitations could not be loaded" error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (invitations.data.length === 0) {
    return (
      <EmptyState title="No pending invitations">
        <p>People you invite to the instance appear here until they register.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Pending invitations to the instance</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Invited by</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.data.map((invite) => (
            <tr key={invite.id}>
              <th scope="row" className="table__primary table__email">
                <Email address={invite.email} />
              </th>
              <td>{invite.invitedBy?.displayName ?? '—'}</td>
              <td className="table__nowrap">{formatDateTime(invite.expiresAt)}</td>
              <td className="table__actions">
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={`Revoke the invitation for ${invite.email}`}
                  busy={revokeMutation.isPending && revokeMutation.variables.id === invite.id}
                  onClick={() => {
                    revokeMutation.mutate(invite);
                  }}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
