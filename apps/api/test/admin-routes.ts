/**
 * Every instance admin route of the admin console, as a table: method, path, the status an
 * instance admin gets, and a body. `admin-access.int-spec.ts` runs each row as an anonymous
 * visitor (401), a signed-in non-admin (403) and an instance admin (success). Paths may name
 * `:userId` (a fresh ordinary account) and `:workspaceId` (a fresh workspace it owns, with a
 * disabled co-owner so that it can be joined); each row gets fresh ones.
 * The email and SSO helpers keep their rows in admin-routes-email.ts / admin-routes-sso.ts.
 */
export interface AdminRouteFixtures {
  userId: string;
  userEmail: string;
  workspaceId: string;
  workspaceName: string;
  /** An orphaned workspace (its only owner is disabled). */
  orphanedWorkspaceId: string;
}

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  success: number;
  /** A JSON body, or a function of the row's fixtures giving one. */
  body?: object | ((fixtures: AdminRouteFixtures) => unknown);
}

export const ADMIN_ROUTES: readonly AdminRoute[] = [
  { method: 'GET', path: '/admin/users', success: 200 },
  { method: 'GET', path: '/admin/users?filter=admins&q=a', success: 200 },
  { method: 'PATCH', path: '/admin/users/:userId', success: 200, body: { disabled: true } },
  { method: 'PATCH', path: '/admin/users/:userId/role', success: 200, body: { isInstanceAdmin: true } },
  { method: 'GET', path: '/admin/users/:userId/memberships', success: 200 },
  {
    method: 'POST',
    path: '/admin/users/:userId/remove',
    success: 204,
    body: (f: AdminRouteFixtures) => ({ confirmEmail: f.userEmail, workspaces: [{ workspaceId: f.workspaceId, action: 'delete' }] }),
  },
  { method: 'GET', path: '/admin/workspaces', success: 200 },
  { method: 'GET', path: '/admin/workspaces?state=orphaned&sort=storage&direction=desc', success: 200 },
  { method: 'POST', path: '/admin/workspaces/:workspaceId/archive', success: 200 },
  { method: 'POST', path: '/admin/workspaces/:workspaceId/restore', success: 200 },
  { method: 'POST', path: '/admin/workspaces/:workspaceId/delete', success: 204, body: (f: AdminRouteFixtures) => ({ confirmName: f.workspaceName }) },
  { method: 'POST', path: '/admin/workspaces/:orphanedWorkspaceId/transfer-ownership', success: 200, body: (f: AdminRouteFixtures) => ({ userId: f.userId }) },
  { method: 'POST', path: '/admin/workspaces/:orphanedWorkspaceId/add-me-as-owner', success: 200 },
  { method: 'GET', path: '/admin/settings', success: 200 },
  { method: 'PATCH', path: '/admin/settings', success: 200, body: { inviteTtlHours: 72 } },
  { method: 'GET', path: '/admin/audit', success: 200 },
  { method: 'GET', path: '/admin/audit?action=auth.signedIn&limit=5', success: 200 },
  { method: 'GET', path: '/admin/audit.csv', success: 200 },
  { method: 'GET', path: '/admin/health', success: 200 },
  { method: 'GET', path: '/admin/metrics', success: 200 },
];

export function fillAdminPath(path: string, fixtures: AdminRouteFixtures): string {
  return path
    .replace(':userId', fixtures.userId)
    .replace(':orphanedWorkspaceId', fixtures.orphanedWorkspaceId)
    .replace(':workspaceId', fixtures.workspaceId);
}
