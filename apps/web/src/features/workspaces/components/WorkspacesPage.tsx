/**
 * /workspaces: every workspace the user belongs to, active ones first, archived ones after;
 * above them, a slot for invitations waiting for an answer (composed by the router).
 */
import type { Workspace } from '@marginalia/shared';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, roleLabel } from '../../../lib/format';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Badge, Button, EmptyState, ErrorState, LoadingState, PageHeader, Section } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useWorkspaces } from '../hooks/useWorkspaces';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog';

function WorkspaceCard({ workspace }: { workspace: Workspace }) {
  return (
    <li className="workspace-card">
      <h3 className="workspace-card__name">
        <Link to={`/w/${workspace.id}`} className="workspace-card__link">
          {workspace.name}
        </Link>
      </h3>
      {workspace.description !== '' ? (
        <p className="workspace-card__description">{workspace.description}</p>
      ) : (
        <p className="workspace-card__description workspace-card__description--empty">No description</p>
      )}
      <div className="workspace-card__meta">
        <Badge tone={workspace.myRole === 'owner' ? 'accent' : 'neutral'}>
          <span className="visually-hidden">Your role: </span>
          {roleLabel(workspace.myRole)}
        </Badge>
        <span>{formatCount(workspace.memberCount, 'member')}</span>
        {workspace.archivedAt !== null && <Badge tone="warning">Archived</Badge>}
      </div>
    </li>
  );
}

function WorkspaceGrid({ workspaces, label }: { workspaces: Workspace[]; label: string }) {
  return (
    <ul className="workspace-grid" aria-label={label}>
      {workspaces.map((workspace) => (
        <WorkspaceCard key={workspace.id} workspace={workspace} />
      ))}
    </ul>
  );
}

export function WorkspacesPage({ invitations }: { invitations?: ReactNode }) {
  useDocumentTitle('Your workspaces');
  const { data: workspaces, error, isPending, refetch } = useWorkspaces();
  const [creating, setCreating] = useState(false);
  const me = useSignedInUser();
  const instance = useInstanceSettings();
  // The instance setting "who may create workspaces": the API refuses others (403) anyway.
  const mayCreate = me.isInstanceAdmin || instance.data?.workspaceCreation !== 'admins';

  const newButton = !mayCreate ? undefined : (
    <Button
      variant="primary"
      onClick={() => {
        setCreating(true);
      }}
    >
      New workspace
    </Button>
  );

  let content: ReactNode;
  if (isPending) content = <LoadingState label="Loading your workspaces…" />;
  else if (error) content = <ErrorState title="Your workspaces could not be loaded" error={error} onRetry={() => void refetch()} />;
  else if (workspaces.length === 0) {
    content = (
      <EmptyState title="No workspaces yet" icon="❦" action={newButton}>
        {mayCreate ? (
          <p>Create a workspace for your project and invite your team, or open an invite link a colleague sent you.</p>
        ) : (
          <p>On this server only administrators create workspaces: ask one to create yours, or open an invite link a colleague sent you.</p>
        )}
      </EmptyState>
    );
  } else {
    const active = workspaces.filter((workspace) => workspace.archivedAt === null);
    const archived = workspaces.filter((workspace) => workspace.archivedAt !== null);
    content = (
      <>
        {active.length > 0 ? <WorkspaceGrid workspaces={active} label="Active workspaces" /> : <p className="muted">All your workspaces are archived.</p>}
        {archived.length > 0 && (
          <Section title="Archived" description="Read-only until an owner unarchives them.">
            <WorkspaceGrid workspaces={archived} label="Archived workspaces" />
          </Section>
        )}
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title="Your workspaces" actions={workspaces !== undefined && workspaces.length > 0 ? newButton : undefined} />
      {invitations}
      {content}
      <CreateWorkspaceDialog
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </div>
  );
}
