/** /admin/users: instance admins see every account and can disable or re-enable it. */
import type { AdminUser } from '@marginalia/shared';
import { useState } from 'react';
import { formatDate } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Badge, Button, ButtonLink, ConfirmDialog, Email, EmptyState, ErrorState, LoadingState, PageHeader, useToast } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useAdminUsers, useSetUserDisabled } from '../hooks/useAdminUsers';
import { PasswordResetLinkButton } from './PasswordResetLinkButton';

export function AdminUsersPage() {
  useDocumentTitle('Users · Administration');
  const me = useSignedInUser();
  const { data: users, error, isPending, refetch } = useAdminUsers(me.isInstanceAdmin);
  const statusMutation = useSetUserDisabled();
  const { showToast } = useToast();
  const [target, setTarget] = useState<AdminUser | null>(null);

  if (!me.isInstanceAdmin) {
    return (
      <div className="page page--narrow">
        <EmptyState title="Administrators only" action={<ButtonLink to="/workspaces">Back to your workspaces</ButtonLink>}>
          <p>This page is for the administrators of this Marginalia server.</p>
        </EmptyState>
      </div>
    );
  }

  const disabling = target !== null && target.disabledAt === null;

  function close() {
    setTarget(null);
    statusMutation.reset();
  }

  function handleConfirm() {
    if (!target) return;
    const user = target;
    statusMutation.mutate(
      { userId: user.id, disabled: user.disabledAt === null },
      {
        onSuccess: (saved) => {
          close();
          showToast(saved.disabledAt !== null ? `${saved.displayName} can no longer log in.` : `${saved.displayName} can log in again.`);
        },
      },
    );
  }

  return (
    <div className="page">
      <PageHeader title="Users" description={<p>Everyone with an account on this server.</p>} actions={<ButtonLink to="/admin/email">Email and invitations</ButtonLink>} />
      {isPending && <LoadingState label="Loading users…" />}
      {error && <ErrorState title="Users could not be loaded" error={error} onRetry={() => void refetch()} />}
      {users && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row" className="table__primary">
                    {user.displayName}
                    {user.isInstanceAdmin && <Badge tone="accent">Admin</Badge>}
                  </th>
                  <td className="table__email">
                    <Email address={user.email} />
                  </td>
                  <td>{user.disabledAt !== null ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
                  <td className="table__nowrap">{formatDate(user.createdAt)}</td>
                  <td className="table__actions">
                    {user.id !== me.id && <PasswordResetLinkButton user={user} />}{' '}
                    {user.id !== me.id && (
                      <Button
                        size="sm"
                        variant={user.disabledAt === null ? 'danger' : 'secondary'}
                        aria-label={`${user.disabledAt === null ? 'Disable' : 'Enable'} ${user.email}`}
                        onClick={() => {
                          setTarget(user);
                        }}
                      >
                        {user.disabledAt === null ? 'Disable' : 'Enable'}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={target !== null}
        onClose={close}
        onConfirm={handleConfirm}
        title={disabling ? `Disable ${target.displayName}?` : `Enable ${target?.displayName ?? ''}?`}
        description={
          <p>{disabling ? 'They are logged out everywhere and cannot log in until re-enabled. Their work stays.' : 'They will be able to log in again.'}</p>
        }
        confirmLabel={disabling ? 'Disable account' : 'Enable account'}
        destructive={disabling}
        busy={statusMutation.isPending}
        error={statusMutation.error}
      />
    </div>
  );
}
