/**
 * Invites that have not been accepted yet; admins can send one again (new link and expiry,
 * emailed when email is configured; the old link stops working) or revoke it.
 */
import type { Invite, ResentInvite } from '@marginalia/shared';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, roleLabel } from '../../../lib/format';
import { Alert, Button, CopyField, Email, EmptyState, ErrorState, LoadingState, useToast } from '../../../ui';
import { useInvites, useResendInvite, useRevokeInvite } from '../hooks/useMembers';

export function PendingInvites({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { data: invites, error, isPending, refetch } = useInvites(workspaceId, true);
  const revokeMutation = useRevokeInvite(workspaceId);
  const resendMutation = useResendInvite(workspaceId);
  const [resent, setResent] = useState<ResentInvite | null>(null);
  const { showToast } = useToast();

  function handleResend(invite: Invite) {
    resendMutation.mutate(invite.id, {
      onSuccess: (result) => {
        setResent(result);
        showToast(result.emailed ? `The invite was emailed again to ${invite.email}.` : `A new link was made for ${invite.email}.`);
      },
      onError: (resendError) => {
        showToast(`Could not resend the invite: ${errorMessage(resendError)}`, 'danger');
      },
    });
  }

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
    <div className="stack">
      <div aria-live="polite">
        {resent && (
          <Alert tone="info" title={`New link for ${resent.invite.email}`}>
            <p>
              {resent.emailed ? 'It was emailed to them.' : 'Email is not configured: send it to them yourself.'} The previous link no longer works.
            </p>
            <CopyField label="New invite link" value={resent.inviteUrl} copyLabel="Copy link" />
          </Alert>
        )}
      </div>
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
                    aria-label={`Resend invite to ${invite.email}`}
                    busy={resendMutation.isPending && resendMutation.variables === invite.id}
                    onClick={() => {
                      handleResend(invite);
                    }}
                  >
                    Resend
                  </Button>
                )}{' '}
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
    </div>
  );
}
