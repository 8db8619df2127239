/**
 * /w/:workspaceId: header, side navigation and the current section. It loads the workspace
 * and provides it to every page below, which therefore always has a workspace to show.
 * The live parts (connection state, presence) come in as slots from the router, so this
 * feature does not depend on the real-time one, which depends on it.
 */
import type { ReactNode } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { Badge, ButtonLink, EmptyState, ErrorState, LoadingState } from '../../../ui';
import { UserMenu } from '../../auth';
import { CurrentWorkspaceContext } from '../hooks/useCurrentWorkspace';
import { useWorkspace } from '../hooks/useWorkspaces';
import { WorkspaceNav } from './WorkspaceNav';

function ShellHeader({ children, status }: { children?: ReactNode; status?: ReactNode }) {
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to="/workspaces" className="brand" aria-label="Marginalia: your workspaces">
        <span className="brand__mark" aria-hidden="true">
          M
        </span>
      </Link>
      <div className="app-header__context">{children}</div>
      {status}
      <UserMenu />
    </header>
  );
}

export interface WorkspaceShellProps {
  /** Shown at the end of the header, e.g. the connection state. */
  status?: ReactNode;
  /** Shown under the section navigation, e.g. who is here. */
  navFooter?: ReactNode;
}

export function WorkspaceShell({ status, navFooter }: WorkspaceShellProps) {
  const { workspaceId = '' } = useParams();
  const { data: workspace, error, isPending, refetch } = useWorkspace(workspaceId);

  if (isPending || error) {
    const missing = isApiRequestError(error) && (error.status === 404 || error.status === 403 || error.status === 400);
    return (
      <div className="app-frame">
        <ShellHeader />
        <main className="page page--narrow" id="main">
          {isPending && <LoadingState label="Opening workspace…" />}
          {missing && (
            <EmptyState title="Workspace not found" action={<ButtonLink to="/workspaces">Back to your workspaces</ButtonLink>}>
              <p>It may have been deleted, or you are no longer a member. Ask an admin of the workspace for a new invite.</p>
            </EmptyState>
          )}
          {error && !missing && <ErrorState title="This workspace could not be opened" error={error} onRetry={() => void refetch()} />}
        </main>
      </div>
    );
  }

  return (
    <CurrentWorkspaceContext.Provider value={workspace}>
      <div className="app-frame">
        <ShellHeader status={status}>
          <Link to={`/w/${workspace.id}`} className="app-header__workspace-name">
            {workspace.name}
          </Link>
          {workspace.archivedAt !== null && <Badge tone="warning">Archived</Badge>}
        </ShellHeader>
        <div className="workspace-layout">
          <WorkspaceNav workspaceId={workspace.id}>{navFooter}</WorkspaceNav>
          <main className="workspace-layout__main" id="main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </CurrentWorkspaceContext.Provider>
  );
}
