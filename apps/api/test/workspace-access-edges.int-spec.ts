/**
 * The access rules at their edges: ids that name nothing, personal access tokens (which skip
 * the CSRF check but never authorization), and archived workspaces (readable, not writable).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { CALLERS, expectApiError, registerCast, workspaceSnapshot, type Caller, type Cast } from './fixtures.js';
import {
  ARCHIVED_MESSAGE,
  NOT_FOUND_WORKSPACE,
  WORKSPACE_ROUTES,
  callRoute,
  expectedOutcome,
  prepareRouteWorkspace,
  routeName,
  type Outcome,
} from './workspace-routes.js';

/** One route per minimum role and kind (read, write, destructive), for the token matrix. */
const TOKEN_ROUTES = new Set([
  'GET /workspaces/:workspaceId/members',
  'POST /workspaces/:workspaceId/leave',
  'PATCH /workspaces/:workspaceId',
  'POST /workspaces/:workspaceId/members',
  'DELETE /workspaces/:workspaceId/invites/:inviteId',
  'GET /workspaces/:workspaceId/audit',
  'POST /workspaces/:workspaceId/archive',
  'DELETE /workspaces/:workspaceId',
]);

const TOKEN_MATRIX = WORKSPACE_ROUTES.filter((route) => TOKEN_ROUTES.has(routeName(route))).flatMap((route) =>
  CALLERS.map((caller) => {
    const outcome = expectedOutcome(route, caller);
    return { route, caller, outcome, name: `${routeName(route)} with ${caller}'s token -> ${outcome.status}` };
  }),
);

/** As the owner, in an archived workspace: blocked actions answer 409, everything else works. */
const ARCHIVED_CASES = WORKSPACE_ROUTES.map((route) => {
  const outcome: Outcome = route.blockedWhenArchived ? { status: 409, message: ARCHIVED_MESSAGE } : expectedOutcome(route, 'owner');
  return { route, outcome, name: `${routeName(route)} in an archived workspace -> ${outcome.status}` };
});

const NOT_A_UUID = ['not-a-uuid', '12345', `${randomUUID()}x`, '%27%3B%20DROP%20TABLE%20workspaces%3B--'];

describe('workspace access edges', () => {
  let app: TestApp;
  let cast: Cast;
  const tokenClients = {} as Record<Caller, ApiClient>;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl);
    for (const caller of CALLERS) {
      const created = await cast[caller].client.post('/auth/tokens', { name: `${caller} script` });
      expect(created.status).toBe(201);
      tokenClients[caller] = new ApiClient(app.baseUrl);
      tokenClients[caller].bearer = created.body.token;
    }
  });
  afterAll(async () => {
    await app.close();
  });

  describe('ids that name no workspace', () => {
    it.each(WORKSPACE_ROUTES.map((route) => ({ route, name: routeName(route) })))('$name answers 404 for malformed and unknown workspace ids', async ({ route }) => {
      const fixtures = await prepareRouteWorkspace(app, cast, route);
      const before = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);
      for (const workspaceId of [...NOT_A_UUID, randomUUID()]) {
        expectApiError(await callRoute(cast.owner.client, route, fixtures, { workspaceId }), 404, NOT_FOUND_WORKSPACE.message);
      }
      expect(await workspaceSnapshot(app.dataSource, fixtures.workspaceId)).toEqual(before);
    });

    it('answers a non-member exactly as it answers a workspace that does not exist', async () => {
      const fixtures = await prepareRouteWorkspace(app, cast);
      const existing = await cast.outsider.client.get(`/workspaces/${fixtures.workspaceId}`);
      const missing = await cast.outsider.client.get(`/workspaces/${randomUUID()}`);
      expect(existing.status).toBe(404);
      expect(existing.body).toEqual(missing.body);
    });

    it.each([
      { method: 'PATCH', path: '/members/:id', body: { role: 'editor' }, message: 'member not found' },
      { method: 'DELETE', path: '/members/:id', body: undefined, message: 'member not found' },
      { method: 'DELETE', path: '/invites/:id', body: undefined, message: 'invite not found' },
      { method: 'GET', path: '/documents/:id', body: undefined, message: 'document not found' },
    ])('$method $path answers 404 "$message" for malformed and unknown ids', async ({ method, path, body, message }) => {
      const fixtures = await prepareRouteWorkspace(app, cast);
      const before = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);
      for (const id of [...NOT_A_UUID, randomUUID()]) {
        const response = await cast.owner.client.request(method, `/workspaces/${fixtures.workspaceId}${path.replace(':id', id)}`, body);
        expectApiError(response, 404, message);
      }
      expect(await workspaceSnapshot(app.dataSource, fixtures.workspaceId)).toEqual(before);
    });
  });

  describe('personal access tokens: no CSRF header needed, same authorization', () => {
    it.each(TOKEN_MATRIX)('$name', async ({ route, caller, outcome }) => {
      const fixtures = await prepareRouteWorkspace(app, cast, route);
      const before = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);
      const response = await callRoute(tokenClients[caller], route, fixtures);
      const after = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);
      if (outcome.status >= 400) {
        expectApiError(response, outcome.status, outcome.message);
        expect(after).toEqual(before);
      } else {
        expect({ status: response.status, body: response.body }).toMatchObject({ status: outcome.status });
        if (route.method !== 'GET') expect(after).not.toEqual(before);
      }
    });
  });

  describe('archived workspaces', () => {
    it.each(ARCHIVED_CASES)('$name', async ({ route, outcome }) => {
      const fixtures = await prepareRouteWorkspace(app, cast, route);
      expect((await cast.owner.client.post(`/workspaces/${fixtures.workspaceId}/archive`)).status).toBe(200);
      const before = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);

      const response = await callRoute(cast.owner.client, route, fixtures);

      const after = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);
      if (outcome.status >= 400) {
        expectApiError(response, outcome.status, outcome.message);
        expect(after).toEqual(before);
        return;
      }
      expect({ status: response.status, body: response.body }).toMatchObject({ status: outcome.status });
      route.expectBody?.(response.body, fixtures);
      // Archiving an archived workspace is a no-op, like every other read.
      const changes = route.method !== 'GET' && route.path !== '/workspaces/:workspaceId/archive';
      if (changes) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
    });

    it('still hides the workspace from non-members and refuses low roles before mentioning the archive', async () => {
      const fixtures = await prepareRouteWorkspace(app, cast);
      await cast.owner.client.post(`/workspaces/${fixtures.workspaceId}/archive`);
      expectApiError(await cast.outsider.client.patch(`/workspaces/${fixtures.workspaceId}`, { name: 'Mine' }), 404, 'workspace not found');
      expectApiError(await cast.viewer.client.patch(`/workspaces/${fixtures.workspaceId}`, { name: 'Mine' }), 403, 'this needs the admin role or higher; you are viewer');
      expectApiError(await cast.admin.client.patch(`/workspaces/${fixtures.workspaceId}`, { name: 'Mine' }), 409, ARCHIVED_MESSAGE);
    });

    it('shows the archive in the workspace list and becomes writable again when unarchived', async () => {
      const fixtures = await prepareRouteWorkspace(app, cast);
      const archived = await cast.owner.client.post(`/workspaces/${fixtures.workspaceId}/archive`);
      expect(archived.body.archivedAt).toEqual(expect.any(String));
      const listed = await cast.viewer.client.get('/workspaces');
      expect(listed.body.workspaces.find((workspace: { id: string }) => workspace.id === fixtures.workspaceId)?.archivedAt).toBe(archived.body.archivedAt);

      expect((await cast.owner.client.post(`/workspaces/${fixtures.workspaceId}/unarchive`)).body.archivedAt).toBeNull();
      const renamed = await cast.admin.client.patch(`/workspaces/${fixtures.workspaceId}`, { name: 'Back in use' });
      expect(renamed.status).toBe(200);
      expect((await cast.viewer.client.get(`/workspaces/${fixtures.workspaceId}`)).body.name).toBe('Back in use');
    });
  });
});
