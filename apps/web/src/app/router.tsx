/** Every route of the client. Feature screens are composed here; features do not route. */
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/account';
import { ActorsPage } from '../features/actors';
import { PresenceList, WorkspaceLiveStatus } from '../features/collab';
import {
  AdminAuditPage,
  AdminEmailPage,
  AdminHealthPage,
  AdminLayout,
  AdminSetupPage,
  AdminUsersPage,
  AdminWorkspacesPage,
  InstanceSettingsPage,
  InviteToInstanceDialog,
  PasswordResetLinkButton,
  SendTestEmailButton,
  SsoRedirectUri,
} from '../features/admin';
import { ForgotPasswordPage, LoginPage, RedirectIfSignedIn, RegisterPage, RequireAuth, ResetPasswordPage, VerifyEmailPage } from '../features/auth';
import { CorpusPage, DocumentReader } from '../features/corpus';
import { DiscussionPage, NotificationsBell } from '../features/discussion';
import { ExportsPage } from '../features/exports';
import { ImportPage } from '../features/imports';
import { InvitePage, MyInvitations } from '../features/invites';
import { MapsPage, prefetchMap } from '../features/maps';
import { MembersPage } from '../features/members';
import { SearchPage } from '../features/search';
import { SettingsPage } from '../features/settings';
import { prefetchWorkspace, WorkspaceShell, WorkspacesPage } from '../features/workspaces';
import { LoadingState } from '../ui';
import { AppLayout } from './AppLayout';
import { CodebookPage } from './CodebookPage';
import { CollabRoot } from './CollabRoot';
import { NotFoundPage, RouteErrorPage } from './ErrorPages';
import { WORKSPACE_SETTINGS_SECTIONS } from './workspace-settings-sections';

function NotebookLoading() {
  return <LoadingState label="Opening the notebook…" />;
}

function MapLoading() {
  return <LoadingState label="Opening the map…" />;
}

function WorkspaceLoading() {
  return <LoadingState label="Opening the workspace…" />;
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to="/workspaces" replace /> },
        {
          element: <RedirectIfSignedIn />,
          children: [
            { path: 'login', element: <LoginPage /> },
            { path: 'register', element: <RegisterPage /> },
            { path: 'forgot-password', element: <ForgotPasswordPage /> },
          ],
        },
        { path: 'invites/:token', element: <InvitePage /> },
        { path: 'reset-password/:token', element: <ResetPasswordPage /> },
        { path: 'verify-email/:token', element: <VerifyEmailPage /> },
        {
          element: <RequireAuth />,
          children: [
            { path: 'setup/:token', element: <AdminSetupPage /> },
            {
              element: <AppLayout />,
              children: [
                { path: 'workspaces', element: <WorkspacesPage invitations={<MyInvitations />} /> },
                { path: 'account', element: <AccountPage /> },
                { path: 'admin', element: <Navigate to="/admin/users" replace /> },
                {
                  element: <AdminLayout />,
                  children: [
                    {
                      path: 'admin/users',
                      element: <AdminUsersPage toolbarActions={<InviteToInstanceDialog />} rowExtras={(user) => <PasswordResetLinkButton user={user} />} />,
                    },
                    { path: 'admin/workspaces', element: <AdminWorkspacesPage /> },
                    { path: 'admin/settings', element: <InstanceSettingsPage groupExtras={{ email: <SendTestEmailButton />, sso: <SsoRedirectUri /> }} /> },
                    { path: 'admin/email', element: <AdminEmailPage /> },
                    { path: 'admin/audit', element: <AdminAuditPage /> },
                    { path: 'admin/health', element: <AdminHealthPage /> },
                  ],
                },
              ],
            },
            {
              // One live connection for every workspace screen, kept while moving between them.
              element: <CollabRoot />,
              children: [
                {
                  path: 'w/:workspaceId',
                  // Asks for the workspace while the session is checked, instead of after; returns at once.
                  loader: ({ params }) => {
                    if (params.workspaceId) prefetchWorkspace(queryClient, params.workspaceId);
                    return null;
                  },
                  // Shown while a page's code loads when the app opens on it (the loader itself returns at once).
                  HydrateFallback: WorkspaceLoading,
                  element: (
                    <WorkspaceShell
                      status={
                        <>
                          <NotificationsBell />
                          <WorkspaceLiveStatus />
                        </>
                      }
                      navFooter={<PresenceList />}
                    />
                  ),
                  children: [
                    { index: true, element: <Navigate to="corpus" replace /> },
                    { path: 'corpus', element: <CorpusPage /> },
                    { path: 'corpus/import', element: <ImportPage /> },
                    { path: 'corpus/:documentId', element: <DocumentReader /> },
                    { path: 'search', element: <SearchPage /> },
                    { path: 'actors', element: <ActorsPage /> },
                    // The editor (CodeMirror, Markdown rendering) loads only when the notebook opens.
                    {
                      path: 'notebook',
                      lazy: async () => ({ Component: (await import('../features/notebook')).NotebookPage }),
                      // Shown while the editor's code loads when the notebook is the first page opened.
                      HydrateFallback: NotebookLoading,
                    },
                    { path: 'codebook', element: <CodebookPage /> },
                    { path: 'maps', element: <MapsPage /> },
                    // React Flow and the canvas load only when a map opens.
                    {
                      path: 'maps/:mapId',
                      lazy: async () => ({ Component: (await import('../features/maps/page')).MapPage }),
                      // Asks for the map (its docName) while the canvas's code and the session load; returns at once.
                      loader: ({ params }) => {
                        if (params.workspaceId && params.mapId) prefetchMap(queryClient, params.workspaceId, params.mapId);
                        return null;
                      },
                      HydrateFallback: MapLoading,
                    },
                    { path: 'discussion', element: <DiscussionPage /> },
                    { path: 'exports', element: <ExportsPage /> },
                    { path: 'members', element: <MembersPage /> },
                    { path: 'settings', element: <SettingsPage sections={WORKSPACE_SETTINGS_SECTIONS} /> },
                  ],
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
