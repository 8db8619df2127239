/**
 * Every route under /workspaces/:workspaceId, as a table: the policy action it is guarded by,
 * the minimum role that action needs (written out here, and checked against the shared
 * policy), and what success looks like. The access-matrix and cross-workspace tests run
 * every row against every kind of caller.
 */
import { expect } from '@jest/globals';
import { hasAtLeastRole, type WorkspaceAction, type WorkspaceRole } from '@marginalia/shared';
import { uniqueEmail, type ApiClient, type ApiResponse } from './api-client.js';
import type { TestApp } from './create-test-app.js';
import { createCastWorkspace, createInvite, insertDocument, type Caller, type Cast } from './fixtures.js';

/** The rows a route may name besides the workspace: all exist and belong to it. */
export interface RouteFixtures {
  workspaceId: string;
  cast: Cast;
  inviteId: string;
  documentId: string;
}

export interface Outcome {
  status: number;
  message?: string;
}

export interface WorkspaceRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Express-style, relative to /api; `:userId` is the viewer of the cast. */
  path: string;
  action: WorkspaceAction;
  minRole: WorkspaceRole;
  success: number;
  body?: (fixtures: RouteFixtures) => unknown;
  /** Whether the action is refused while the workspace is archived. */
  blockedWhenArchived?: boolean;
  /** Callers whose role suffices but who get something else, and why. */
  exceptions?: Partial<Record<WorkspaceRole, Outcome>>;
  /** Extra state the route needs before it can succeed. */
  prepare?: (app: TestApp, fixtures: RouteFixtures) => Promise<void>;
  /** For reads: the body shows this workspace's data. */
  expectBody?: (body: any, fixtures: RouteFixtures) => void;
}

export const LAST_OWNER_MESSAGE = 'a workspace must keep at least one owner: make someone else owner first, or delete the workspace';
export const ARCHIVED_MESSAGE = 'this workspace is archived; an owner can unarchive it';
export const NOT_FOUND_WORKSPACE: Outcome = { status: 404, message: 'workspace not found' };

export const WORKSPACE_ROUTES: readonly WorkspaceRoute[] = [
  {
    method: 'GET',
    path: '/workspaces/:workspaceId',
    action: 'workspace.read',
    minRole: 'viewer',
    success: 200,
    expectBody: (body, f) => expect(body).toMatchObject({ id: f.workspaceId, memberCount: 5 }),
  },
  { method: 'PATCH', path: '/workspaces/:workspaceId', action: 'workspace.update', minRole: 'admin', success: 200, body: () => ({ name: 'Renamed' }), blockedWhenArchived: true },
  { method: 'DELETE', path: '/workspaces/:workspaceId', action: 'workspace.delete', minRole: 'owner', success: 204 },
  { method: 'POST', path: '/workspaces/:workspaceId/archive', action: 'workspace.archive', minRole: 'owner', success: 200 },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/unarchive',
    action: 'workspace.archive',
    minRole: 'owner',
    success: 200,
    prepare: async (app, f) => {
      await app.dataSource.query('UPDATE workspaces SET archived_at = now() WHERE id = $1', [f.workspaceId]);
    },
  },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/transfer-ownership',
    action: 'workspace.transferOwnership',
    minRole: 'owner',
    success: 200,
    body: (f) => ({ userId: f.cast.editor.id }),
  },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/leave',
    action: 'workspace.read',
    minRole: 'viewer',
    success: 204,
    exceptions: { owner: { status: 409, message: LAST_OWNER_MESSAGE } },
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/members',
    action: 'members.read',
    minRole: 'viewer',
    success: 200,
    expectBody: (body, f) => expect(body.members.map((member: { userId: string }) => member.userId).sort()).toEqual(memberIds(f).sort()),
  },
  { method: 'POST', path: '/workspaces/:workspaceId/members', action: 'members.manage', minRole: 'admin', success: 201, body: () => ({ email: uniqueEmail('matrix'), role: 'viewer' }) },
  { method: 'PATCH', path: '/workspaces/:workspaceId/members/:userId', action: 'members.manage', minRole: 'admin', success: 200, body: () => ({ role: 'commenter' }) },
  { method: 'DELETE', path: '/workspaces/:workspaceId/members/:userId', action: 'members.manage', minRole: 'admin', success: 204 },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/invites',
    action: 'invites.read',
    minRole: 'admin',
    success: 200,
    expectBody: (body, f) => expect(body.invites.map((invite: { id: string }) => invite.id)).toEqual([f.inviteId]),
  },
  { method: 'DELETE', path: '/workspaces/:workspaceId/invites/:inviteId', action: 'invites.manage', minRole: 'admin', success: 204, blockedWhenArchived: true },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/audit',
    action: 'audit.read',
    minRole: 'admin',
    success: 200,
    expectBody: (body) => expect(body.entries.map((entry: { action: string }) => entry.action)).toContain('workspace.created'),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/documents',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    expectBody: (body, f) => expect(body.documents.map((document: { id: string }) => document.id)).toEqual([f.documentId]),
  },
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/documents/:documentId',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    expectBody: (body, f) => expect(body).toMatchObject({ id: f.documentId, text: expect.any(String) }),
  },
  {
    method: 'PATCH',
    path: '/workspaces/:workspaceId/documents/:documentId',
    action: 'content.edit',
    minRole: 'editor',
    success: 200,
    body: () => ({ title: 'Retitled', source: 'The Outlet' }),
    blockedWhenArchived: true,
  },
  { method: 'DELETE', path: '/workspaces/:workspaceId/documents/:documentId', action: 'content.edit', minRole: 'editor', success: 204, blockedWhenArchived: true },
];

function memberIds(f: RouteFixtures): string[] {
  return (['owner', 'admin', 'editor', 'commenter', 'viewer'] as const).map((role) => f.cast[role].id);
}

export function routeName(route: WorkspaceRoute): string {
  return `${route.method} ${route.path}`;
}

/** The path as OpenAPI spells it, e.g. /api/workspaces/{workspaceId}/members. */
export function openApiPath(route: WorkspaceRoute): string {
  return `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
}

/** What a caller should get from a route in a workspace that is not archived. */
export function expectedOutcome(route: WorkspaceRoute, caller: Caller): Outcome {
  if (caller === 'outsider') return NOT_FOUND_WORKSPACE;
  if (!hasAtLeastRole(caller, route.minRole)) return { status: 403, message: `this needs the ${route.minRole} role or higher; you are ${caller}` };
  return route.exceptions?.[caller] ?? { status: route.success };
}

/** A fresh workspace with the whole cast, one pending invite and one document. */
export async function prepareRouteWorkspace(app: TestApp, cast: Cast, route?: WorkspaceRoute): Promise<RouteFixtures> {
  const workspaceId = await createCastWorkspace(cast);
  const [invite, documentId] = await Promise.all([createInvite(cast.owner, workspaceId), insertDocument(app.dataSource, workspaceId, 'Interview 1')]);
  const fixtures = { workspaceId, cast, inviteId: invite.id, documentId };
  await route?.prepare?.(app, fixtures);
  return fixtures;
}

export function routePath(route: WorkspaceRoute, fixtures: RouteFixtures, overrides: Partial<Record<'workspaceId' | 'userId' | 'inviteId' | 'documentId', string>> = {}): string {
  const params: Record<string, string> = {
    workspaceId: fixtures.workspaceId,
    userId: fixtures.cast.viewer.id,
    inviteId: fixtures.inviteId,
    documentId: fixtures.documentId,
    ...overrides,
  };
  return route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name}`);
    return value;
  });
}

export async function callRoute(
  client: ApiClient,
  route: WorkspaceRoute,
  fixtures: RouteFixtures,
  overrides?: Parameters<typeof routePath>[2],
): Promise<ApiResponse> {
  return await client.request(route.method, routePath(route, fixtures, overrides), route.body?.(fixtures));
}
