/**
 * The bulk invite and resend routes, as rows of the workspace route table (workspace-routes.ts):
 * the access-matrix and isolation tests run each against every caller.
 */
import { uniqueEmail } from './api-client.js';
import type { WorkspaceRoute } from './workspace-routes.js';

export const INVITE_ROUTES: readonly WorkspaceRoute[] = [
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/invites/bulk',
    action: 'members.manage',
    minRole: 'admin',
    success: 201,
    body: () => ({ text: `${uniqueEmail('bulk')}\n${uniqueEmail('bulk')} editor`, role: 'viewer' }),
  },
  { method: 'POST', path: '/workspaces/:workspaceId/invites/:inviteId/resend', action: 'invites.manage', minRole: 'admin', success: 201, blockedWhenArchived: true },
];
