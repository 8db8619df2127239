/** A user's workspaces and their role in each (from the users page's row menu). */
import type { AdminUser } from '@marginalia/shared';
import { Link } from 'react-router';
import { roleLabel } from '../../../lib/format';
import { Badge, Button, Dialog, ErrorState, LoadingState } from '../../../ui';
import { useUserMemberships } from '../hooks/useAdminUsers';

export function UserWorkspacesDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { data: memberships, error, isPending } = useUserMemberships(user?.id ?? null);
  return (
    <Dialog open={user !== null} onClose={onClose} title={`${user?.displayName ?? ''}'s workspaces`}>
      <div className="stack">
        {isPending && <LoadingState label="Loading workspaces…" />}
        {error && <ErrorState title="Their workspaces could not be loaded" error={error} />}
        {memberships?.length === 0 && <p>Not a member of any workspace.</p>}
        {memberships && memberships.length > 0 && (
          <ul className="admin-list">
            {memberships.map((membership) => (
              <li key={membership.workspaceId}>
                <Link to={`/admin/workspaces?q=${encodeURIComponent(membership.workspaceName)}`}>{membership.workspaceName}</Link> <Badge>{roleLabel(membership.role)}</Badge>
                {membership.soleOwner && <Badge tone="warning">Only owner</Badge>}
                {membership.archived && <Badge tone="neutral">Archived</Badge>}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog__actions">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
