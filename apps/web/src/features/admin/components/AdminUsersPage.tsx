/**
 * /admin/users: every account, searchable and filtered (admins, disabled, active). Per row:
 * workspaces and roles, make or remove admin, disable or enable, remove the account.
 * `toolbarActions` ("Invite people") and `rowExtras` ("Password reset link") are where the
 * email feature's components plug in.
 */
import type { AdminUser, AdminUserFilter } from '@marginalia/shared';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Badge, ConfirmDialog, Email, EmptyState, ErrorState, LoadingState, PageHeader, SelectField, TextField, useToast } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useAdminUsers, useSetUserAdmin, useSetUserDisabled } from '../hooks/useAdminUsers';
import { RemoveUserDialog } from './RemoveUserDialog';
import { RowActions, type RowAction } from './RowActions';
import { UserWorkspacesDialog } from './UserWorkspacesDialog';

const FILTERS: { value: AdminUserFilter; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Disabled' },
  { value: 'admins', label: 'Administrators' },
];

type Pending = { kind: 'disable' | 'enable' | 'promote' | 'demote' | 'workspaces' | 'remove'; user: AdminUser };

export interface AdminUsersPageProps {
  /** Toolbar place, e.g. the email feature's "Invite people" button. */
  toolbarActions?: ReactNode;
  /** Per-row place beside the actions menu, e.g. the "Password reset link" button. */
  rowExtras?: (user: AdminUser) => ReactNode;
}

function actionsFor(user: AdminUser, isMe: boolean): RowAction[] {
  const actions: RowAction[] = [{ id: 'workspaces', label: 'Workspaces and roles' }];
  if (isMe) return actions;
  actions.push(user.isInstanceAdmin ? { id: 'demote', label: 'Remove administrator rights' } : { id: 'promote', label: 'Make administrator' });
  actions.push(user.disabledAt === null ? { id: 'disable', label: 'Disable account', danger: true } : { id: 'enable', label: 'Enable account' });
  actions.push({ id: 'remove', label: 'Remove account…', danger: true });
  return actions;
}

const CONFIRM: Record<'disable' | 'enable' | 'promote' | 'demote', { title: (name: string) => string; text: string; label: string; destructive: boolean }> = {
  disable: { title: (name) => `Disable ${name}?`, text: 'They are logged out everywhere at once, their open pages lose their connection, and they cannot log in until re-enabled. Their work stays.', label: 'Disable account', destructive: true },
  enable: { title: (name) => `Enable ${name}?`, text: 'They will be able to log in again; their personal tokens work again.', label: 'Enable account', destructive: false },
  promote: { title: (name) => `Make ${name} an administrator?`, text: 'Administrators manage every account, workspace and setting of this server.', label: 'Make administrator', destructive: false },
  demote: { title: (name) => `Remove ${name}'s administrator rights?`, text: 'They keep their account and workspaces. The last active administrator cannot be removed.', label: 'Remove rights', destructive: true },
};

export function AdminUsersPage({ toolbarActions, rowExtras }: AdminUsersPageProps) {
  useDocumentTitle('Users · Administration');
  const me = useSignedInUser();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<AdminUserFilter>('all');
  const q = useDeferredValue(search.trim());
  const { data: users, error, isPending, refetch } = useAdminUsers(true, q, filter);
  const statusMutation = useSetUserDisabled();
  const roleMutation = useSetUserAdmin();
  const { showToast } = useToast();
  const [pending, setPending] = useState<Pending | null>(null);

  function close() {
    setPending(null);
    statusMutation.reset();
    roleMutation.reset();
  }

  function handleConfirm() {
    if (!pending) return;
    const { kind, user } = pending;
    if (kind === 'disable' || kind === 'enable') {
      statusMutation.mutate(
        { userId: user.id, disabled: kind === 'disable' },
        {
          onSuccess: (saved) => {
            close();
            showToast(saved.disabledAt !== null ? `${saved.displayName} can no longer log in.` : `${saved.displayName} can log in again.`);
          },
        },
      );
    } else if (kind === 'promote' || kind === 'demote') {
      roleMutation.mutate(
        { userId: user.id, isInstanceAdmin: kind === 'promote' },
        {
          onSuccess: (saved) => {
            close();
            showToast(saved.isInstanceAdmin ? `${saved.displayName} is now an administrator.` : `${saved.displayName} is no longer an administrator.`);
          },
        },
      );
    }
  }

  const confirm = pending && pending.kind !== 'workspaces' && pending.kind !== 'remove' ? CONFIRM[pending.kind] : null;

  return (
    <div className="page">
      <PageHeader title="Users" description={<p>Everyone with an account on this server.</p>} actions={toolbarActions} />
      <div className="admin-filters" role="search" aria-label="Find users">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or email"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
        <SelectField
          label="Show"
          value={filter}
          options={FILTERS}
          onChange={(event) => {
            setFilter(event.target.value as AdminUserFilter);
          }}
        />
      </div>
      {isPending && <LoadingState label="Loading users…" />}
      {error && <ErrorState title="Users could not be loaded" error={error} onRetry={() => void refetch()} />}
      {users?.length === 0 && (
        <EmptyState title="No one matches">
          <p>Try another name or filter.</p>
        </EmptyState>
      )}
      {users && users.length > 0 && (
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="admin-optional">Email</th>
                <th scope="col">Status</th>
                <th scope="col" className="admin-optional">Workspaces</th>
                <th scope="col" className="admin-optional">Last seen</th>
                <th scope="col" className="admin-optional">Joined</th>
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
                    <span className="table__secondary admin-phone-only">
                      <Email address={user.email} />
                    </span>
                  </th>
                  <td className="table__email admin-optional">
                    <Email address={user.email} />
                  </td>
                  <td>{user.disabledAt !== null ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
                  <td className="admin-optional">{user.workspaceCount}</td>
                  <td className="table__nowrap admin-optional">{user.lastSeenAt ? formatDateTime(user.lastSeenAt) : '—'}</td>
                  <td className="table__nowrap admin-optional">{formatDate(user.createdAt)}</td>
                  <td className="table__actions">
                    <div className="admin-row-actions">
                      {rowExtras?.(user)}
                      <RowActions
                        label={`Actions for ${user.email}`}
                        actions={actionsFor(user, user.id === me.id)}
                        onAction={(id) => {
                          setPending({ kind: id as Pending['kind'], user });
                        }}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        onClose={close}
        onConfirm={handleConfirm}
        title={confirm && pending ? confirm.title(pending.user.displayName) : ''}
        description={<p>{confirm?.text}</p>}
        confirmLabel={confirm?.label ?? ''}
        destructive={confirm?.destructive ?? false}
        busy={statusMutation.isPending || roleMutation.isPending}
        error={statusMutation.error ?? roleMutation.error}
      />
      <UserWorkspacesDialog user={pending?.kind === 'workspaces' ? pending.user : null} onClose={close} />
      <RemoveUserDialog user={pending?.kind === 'remove' ? pending.user : null} onClose={close} />
    </div>
  );
}
