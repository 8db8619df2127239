/**
 * /admin/workspaces: every workspace on the server with its owners, members, documents,
 * annotations, storage, last activity and state (active, archived, orphaned: no active owner);
 * search, filter by state, sort. Per row: open its settings (when a member), archive or
 * restore, transfer ownership, add me as owner (orphaned only), delete (typing its name).
 */
import type { AdminWorkspace, AdminWorkspaceQuery, AdminWorkspaceSort } from '@marginalia/shared';
import { useDeferredValue, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatBytes, formatCount, formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Badge, ConfirmDialog, EmptyState, ErrorState, LoadingState, PageHeader, SelectField, TextField, useToast } from '../../../ui';
import { useAddMeAsOwner, useAdminWorkspaces, useArchiveWorkspace } from '../hooks/useAdminWorkspaces';
import { DeleteWorkspaceDialog } from './DeleteWorkspaceDialog';
import { RowActions, type RowAction } from './RowActions';
import { TransferWorkspaceDialog } from './TransferWorkspaceDialog';

const STATES: { value: AdminWorkspaceQuery['state']; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'orphaned', label: 'Orphaned (no active owner)' },
];

const SORTS: { value: `${AdminWorkspaceSort}:${'asc' | 'desc'}`; label: string }[] = [
  { value: 'name:asc', label: 'Name' },
  { value: 'lastActivity:desc', label: 'Most recently active' },
  { value: 'lastActivity:asc', label: 'Least recently active' },
  { value: 'storage:desc', label: 'Largest storage' },
  { value: 'members:desc', label: 'Most members' },
  { value: 'documents:desc', label: 'Most documents' },
  { value: 'created:desc', label: 'Newest' },
];

const STATE_BADGE = { active: 'success', archived: 'neutral', orphaned: 'warning' } as const;
const STATE_LABEL = { active: 'Active', archived: 'Archived', orphaned: 'Orphaned' } as const;

type Pending = { kind: 'archive' | 'restore' | 'transfer' | 'join' | 'delete'; workspace: AdminWorkspace };

function actionsFor(workspace: AdminWorkspace): RowAction[] {
  const actions: RowAction[] = [];
  if (workspace.myRole !== null) actions.push({ id: 'open', label: 'Open settings' });
  if (workspace.state === 'orphaned') actions.push({ id: 'join', label: 'Add me as owner' });
  actions.push({ id: 'transfer', label: 'Transfer ownership…' });
  actions.push(workspace.archivedAt === null ? { id: 'archive', label: 'Archive' } : { id: 'restore', label: 'Restore' });
  actions.push({ id: 'delete', label: 'Delete…', danger: true });
  return actions;
}

export function AdminWorkspacesPage() {
  useDocumentTitle('Workspaces · Administration');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const [state, setState] = useState<AdminWorkspaceQuery['state']>('all');
  const [sort, setSort] = useState<(typeof SORTS)[number]['value']>('name:asc');
  const q = useDeferredValue(search.trim());
  const [sortKey, direction] = sort.split(':') as [AdminWorkspaceSort, 'asc' | 'desc'];
  const { data: workspaces, error, isPending, refetch } = useAdminWorkspaces({ q, state, sort: sortKey, direction });
  const archiveMutation = useArchiveWorkspace();
  const joinMutation = useAddMeAsOwner();
  const { showToast } = useToast();
  const [pending, setPending] = useState<Pending | null>(null);

  function close() {
    setPending(null);
    archiveMutation.reset();
    joinMutation.reset();
  }

  function handleAction(workspace: AdminWorkspace, id: string) {
    if (id === 'open') void navigate(`/w/${workspace.id}/settings`);
    else setPending({ kind: id as Pending['kind'], workspace });
  }

  function handleConfirm() {
    if (!pending) return;
    const { kind, workspace } = pending;
    if (kind === 'join') {
      joinMutation.mutate(workspace.id, {
        onSuccess: () => {
          close();
          showToast(`You now own ${workspace.name}.`);
        },
      });
    } else {
      archiveMutation.mutate(
        { workspaceId: workspace.id, archived: kind === 'archive' },
        {
          onSuccess: () => {
            close();
            showToast(kind === 'archive' ? `${workspace.name} is archived.` : `${workspace.name} is restored.`);
          },
        },
      );
    }
  }

  const simple = pending && (pending.kind === 'archive' || pending.kind === 'restore' || pending.kind === 'join') ? pending : null;

  return (
    <div className="page">
      <PageHeader title="Workspaces" description={<p>Every workspace on this server, whether or not you are a member.</p>} />
      <div className="admin-filters" role="search" aria-label="Find workspaces">
        <TextField
          label="Search"
          type="search"
          placeholder="Workspace or owner"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
        <SelectField
          label="State"
          value={state}
          options={STATES}
          onChange={(event) => {
            setState(event.target.value as AdminWorkspaceQuery['state']);
          }}
        />
        <SelectField
          label="Sort by"
          value={sort}
          options={SORTS}
          onChange={(event) => {
            setSort(event.target.value as (typeof SORTS)[number]['value']);
          }}
        />
      </div>
      {isPending && <LoadingState label="Loading workspaces…" />}
      {error && <ErrorState title="Workspaces could not be loaded" error={error} onRetry={() => void refetch()} />}
      {workspaces?.length === 0 && (
        <EmptyState title="No workspaces match">
          <p>Try another search or state.</p>
        </EmptyState>
      )}
      {workspaces && workspaces.length > 0 && (
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">Workspaces</caption>
            <thead>
              <tr>
                <th scope="col">Workspace</th>
                <th scope="col" className="admin-optional">Owners</th>
                <th scope="col" className="admin-optional">Members</th>
                <th scope="col" className="admin-optional">Documents</th>
                <th scope="col" className="admin-optional">Annotations</th>
                <th scope="col" className="admin-optional">Storage</th>
                <th scope="col" className="admin-optional">Last activity</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {workspaces.map((workspace) => (
                <tr key={workspace.id}>
                  <th scope="row" className="table__primary table__wrap">
                    {workspace.name}
                    <span className="table__secondary admin-phone-only">
                      {workspace.owners.map((owner) => owner.displayName).join(', ') || 'No owner'} · {formatCount(workspace.documentCount, 'document')}
                    </span>
                  </th>
                  <td className="table__wrap admin-optional">
                    {workspace.owners.length === 0
                      ? '—'
                      : workspace.owners.map((owner) => (
                          <span key={owner.id} className="admin-owner">
                            {owner.displayName}
                            {owner.disabled && <span className="muted"> (disabled)</span>}
                          </span>
                        ))}
                  </td>
                  <td className="admin-optional">{workspace.memberCount}</td>
                  <td className="admin-optional">{workspace.documentCount}</td>
                  <td className="admin-optional">{workspace.annotationCount}</td>
                  <td className="table__nowrap admin-optional">{formatBytes(workspace.storageBytes)}</td>
                  <td className="table__nowrap admin-optional">{formatDateTime(workspace.lastActivityAt)}</td>
                  <td>
                    <Badge tone={STATE_BADGE[workspace.state]}>{STATE_LABEL[workspace.state]}</Badge>
                  </td>
                  <td className="table__actions">
                    <RowActions
                      label={`Actions for ${workspace.name}`}
                      actions={actionsFor(workspace)}
                      onAction={(id) => {
                        handleAction(workspace, id);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={simple !== null}
        onClose={close}
        onConfirm={handleConfirm}
        title={simple ? `${simple.kind === 'archive' ? 'Archive' : simple.kind === 'restore' ? 'Restore' : 'Become owner of'} ${simple.workspace.name}?` : ''}
        description={
          <p>
            {simple?.kind === 'archive' && 'The workspace becomes read-only for every member until it is restored.'}
            {simple?.kind === 'restore' && 'Members can change the workspace again.'}
            {simple?.kind === 'join' && 'No active owner is left. You join as its owner; owners whose accounts are disabled become admins. This is recorded in the audit log.'}
          </p>
        }
        confirmLabel={simple?.kind === 'archive' ? 'Archive' : simple?.kind === 'restore' ? 'Restore' : 'Add me as owner'}
        busy={archiveMutation.isPending || joinMutation.isPending}
        error={archiveMutation.error ?? joinMutation.error}
      />
      <TransferWorkspaceDialog workspace={pending?.kind === 'transfer' ? pending.workspace : null} onClose={close} />
      <DeleteWorkspaceDialog workspace={pending?.kind === 'delete' ? pending.workspace : null} onClose={close} />
    </div>
  );
}
