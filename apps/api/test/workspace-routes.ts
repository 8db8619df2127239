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
import { DISCUSSION_ROUTES } from './discussion-routes.js';
import { EXPORT_ROUTES } from './export-routes.js';
import { MAP_ROUTES } from './map-routes.js';
import { REFI_QDA_ROUTES } from './refi-qda-routes.js';
import { TAGGING_ROUTES } from './tagging-routes.js';
import { INVITE_ROUTES } from './invite-routes.js';

/** The rows a route may name besides the workspace: all exist and belong to it. */
export interface RouteFixtures {
  workspaceId: string;
  cast: Cast;
  inviteId: string;
  documentId: string;
  /** Further ids a route's prepare step created (actorId, candidateId, attributionId). */
  extra: Record<string, string>;
}

export interface Outcome {
  status: number;
  message?: string;
}

export interface WorkspaceRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Express-style, relative to /api; `:userId` is the viewer of the cast. May end in a query string. */
  path: string;
  action: WorkspaceAction;
  minRole: WorkspaceRole;
  success: number;
  body?: (fixtures: RouteFixtures) => unknown;
  /** For upload routes: one file sent as multipart/form-data instead of a JSON body. */
  upload?: (fixtures: RouteFixtures) => { field: string; filename: string; content: string };
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
  {
    method: 'GET',
    path: '/workspaces/:workspaceId/search?q=interview',
    action: 'content.read',
    minRole: 'viewer',
    success: 200,
    expectBody: (body, f) => expect(body.results.map((result: { documentId: string }) => result.documentId)).toEqual([f.documentId]),
  },
  { method: 'GET', path: '/workspaces/:workspaceId/notebook', action: 'content.read', minRole: 'viewer', success: 200, expectBody: (body) => expect(body.docName).toMatch(/^notebook-/) },
  { method: 'GET', path: '/workspaces/:workspaceId/actors', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertActor, expectBody: (body, f) => expect(body.actors.map((actor: { id: string }) => actor.id)).toEqual([f.extra.actorId]) },
  { method: 'POST', path: '/workspaces/:workspaceId/actors', action: 'content.edit', minRole: 'editor', success: 201, body: () => ({ name: 'Malcolm Davis' }), blockedWhenArchived: true },
  { method: 'PATCH', path: '/workspaces/:workspaceId/actors/:actorId', action: 'content.edit', minRole: 'editor', success: 200, prepare: insertActor, body: () => ({ description: 'Senior analyst' }), blockedWhenArchived: true },
  { method: 'DELETE', path: '/workspaces/:workspaceId/actors/:actorId', action: 'content.edit', minRole: 'editor', success: 204, prepare: insertActor, blockedWhenArchived: true },
  { method: 'GET', path: '/workspaces/:workspaceId/actor-candidates', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertCandidate, expectBody: (body, f) => expect(body.candidates.map((candidate: { id: string }) => candidate.id)).toEqual([f.extra.candidateId]) },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/actor-candidates/refresh',
    action: 'content.edit',
    minRole: 'editor',
    success: 200,
    prepare: async (app, f) => {
      await insertDocument(app.dataSource, f.workspaceId, 'Quoted', 'Shen Mingshi stated that it matters.');
    },
    blockedWhenArchived: true,
  },
  { method: 'POST', path: '/workspaces/:workspaceId/actor-candidates/:candidateId/accept', action: 'content.edit', minRole: 'editor', success: 200, prepare: insertCandidate, body: () => ({}), blockedWhenArchived: true },
  { method: 'POST', path: '/workspaces/:workspaceId/actor-candidates/:candidateId/dismiss', action: 'content.edit', minRole: 'editor', success: 200, prepare: insertCandidate, blockedWhenArchived: true },
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/actor-candidates/:candidateId/restore',
    action: 'content.edit',
    minRole: 'editor',
    success: 200,
    prepare: async (app, f) => {
      await insertCandidate(app, f);
      await app.dataSource.query(`UPDATE actor_candidates SET status = 'dismissed' WHERE id = $1`, [f.extra.candidateId]);
    },
    blockedWhenArchived: true,
  },
  { method: 'GET', path: '/workspaces/:workspaceId/documents/:documentId/attributions', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertAttribution, expectBody: (body, f) => expect(body.attributions.map((attribution: { id: string }) => attribution.id)).toEqual([f.extra.attributionId]) },
  { method: 'POST', path: '/workspaces/:workspaceId/documents/:documentId/attributions', action: 'content.edit', minRole: 'editor', success: 201, prepare: insertActor, body: (f) => ({ actorId: f.extra.actorId, start: 0, end: 5 }), blockedWhenArchived: true },
  { method: 'DELETE', path: '/workspaces/:workspaceId/attributions/:attributionId', action: 'content.edit', minRole: 'editor', success: 204, prepare: insertAttribution, blockedWhenArchived: true },
  { method: 'GET', path: '/workspaces/:workspaceId/imports', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertImportJob, expectBody: (body, f) => expect(body.jobs.map((job: { id: string }) => job.id)).toEqual([f.extra.jobId]) },
  { method: 'GET', path: '/workspaces/:workspaceId/imports/:jobId', action: 'content.read', minRole: 'viewer', success: 200, prepare: insertImportJob, expectBody: (body, f) => expect(body.id).toBe(f.extra.jobId) },
  { method: 'POST', path: '/workspaces/:workspaceId/imports', action: 'content.edit', minRole: 'editor', success: 202, body: () => ({ text: 'Pasted notes from an interview.' }), blockedWhenArchived: true },
  ...TAGGING_ROUTES,
  ...MAP_ROUTES,
  ...DISCUSSION_ROUTES,
  ...EXPORT_ROUTES,
  ...REFI_QDA_ROUTES,
  ...INVITE_ROUTES,
];

async function insertImportJob(app: TestApp, f: RouteFixtures): Promise<void> {
  const rows = (await app.dataSource.query(`INSERT INTO import_jobs (workspace_id, status, finished_at) VALUES ($1, 'succeeded', now()) RETURNING id`, [f.workspaceId])) as { id: string }[];
  f.extra.jobId = rows[0]!.id;
}

async function insertActor(app: TestApp, f: RouteFixtures): Promise<void> {
  const rows = (await app.dataSource.query(`INSERT INTO actors (workspace_id, name) VALUES ($1, 'Su Tzu-yun') RETURNING id`, [f.workspaceId])) as { id: string }[];
  f.extra.actorId = rows[0]!.id;
}

async function insertCandidate(app: TestApp, f: RouteFixtures): Promise<void> {
  const rows = (await app.dataSource.query(`INSERT INTO actor_candidates (workspace_id, name) VALUES ($1, 'Yao Yuan') RETURNING id`, [f.workspaceId])) as { id: string }[];
  f.extra.candidateId = rows[0]!.id;
}

async function insertAttribution(app: TestApp, f: RouteFixtures): Promise<void> {
  await insertActor(app, f);
  const rows = (await app.dataSource.query(`INSERT INTO attributions (workspace_id, actor_id, document_id, start, "end") VALUES ($1, $2, $3, 0, 5) RETURNING id`, [
    f.workspaceId,
    f.extra.actorId,
    f.documentId,
  ])) as { id: string }[];
  f.extra.attributionId = rows[0]!.id;
}


function memberIds(f: RouteFixtures): string[] {
  return (['owner', 'admin', 'editor', 'commenter', 'viewer'] as const).map((role) => f.cast[role].id);
}

export function routeName(route: WorkspaceRoute): string {
  return `${route.method} ${route.path}`;
}

/** The path as OpenAPI spells it, e.g. /api/workspaces/{workspaceId}/members. */
export function openApiPath(route: WorkspaceRoute): string {
  return `/api${route.path.split('?')[0]!.replace(/:(\w+)/g, '{$1}')}`;
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
  const fixtures: RouteFixtures = { workspaceId, cast, inviteId: invite.id, documentId, extra: {} };
  await route?.prepare?.(app, fixtures);
  return fixtures;
}

export function routePath(route: WorkspaceRoute, fixtures: RouteFixtures, overrides: Partial<Record<'workspaceId' | 'userId' | 'inviteId' | 'documentId', string>> = {}): string {
  const params: Record<string, string> = {
    workspaceId: fixtures.workspaceId,
    userId: fixtures.cast.viewer.id,
    inviteId: fixtures.inviteId,
    documentId: fixtures.documentId,
    ...fixtures.extra,
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
  const path = routePath(route, fixtures, overrides);
  if (route.upload) {
    const { body, contentType } = multipartFile(route.upload(fixtures));
    return await client.request(route.method, path, body, { headers: { 'content-type': contentType } });
  }
  return await client.request(route.method, path, route.body?.(fixtures));
}

/** One text file as a multipart/form-data body. */
export function multipartFile(file: { field: string; filename: string; content: string }): { body: string; contentType: string } {
  const boundary = `----marginalia-test-${file.field}`;
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
