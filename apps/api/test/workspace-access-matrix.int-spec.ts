/**
 * The full role x action matrix: every workspace route, called by an owner, admin, editor,
 * commenter, viewer and a signed-in non-member, each case in a workspace of its own so that
 * destructive routes cannot affect another case. A refused request must change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTIONS_BLOCKED_WHEN_ARCHIVED, WORKSPACE_POLICY } from '@marginalia/shared';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { CALLERS, expectApiError, registerCast, workspaceSnapshot, type Cast } from './fixtures.js';
import { WORKSPACE_ROUTES, callRoute, expectedOutcome, openApiPath, prepareRouteWorkspace, routeName } from './workspace-routes.js';

const MATRIX = WORKSPACE_ROUTES.flatMap((route) =>
  CALLERS.map((caller) => {
    const outcome = expectedOutcome(route, caller);
    return { route, caller, outcome, name: `${routeName(route)} as ${caller} -> ${outcome.status}` };
  }),
);

describe('workspace access matrix', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every workspace route the API exposes, no more and no fewer', async () => {
    const docs = await new ApiClient(app.baseUrl).request('GET', '/docs-json');
    expect(docs.status).toBe(200);
    const documented = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/workspaces/{workspaceId}'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const tabled = WORKSPACE_ROUTES.map((route) => `${route.method} ${openApiPath(route)}`);
    expect([...tabled].sort()).toEqual([...documented].sort());
  });

  it('states the same minimum roles and archive rules as the shared policy', () => {
    for (const route of WORKSPACE_ROUTES) {
      expect({ route: routeName(route), minRole: WORKSPACE_POLICY[route.action] }).toEqual({ route: routeName(route), minRole: route.minRole });
      expect({ route: routeName(route), blocked: ACTIONS_BLOCKED_WHEN_ARCHIVED.has(route.action) }).toEqual({ route: routeName(route), blocked: route.blockedWhenArchived ?? false });
    }
  });

  it.each(MATRIX)('$name', async ({ route, caller, outcome }) => {
    const fixtures = await prepareRouteWorkspace(app, cast, route);
    const before = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);

    const response = await callRoute(cast[caller].client, route, fixtures);

    const after = await workspaceSnapshot(app.dataSource, fixtures.workspaceId);
    if (outcome.status >= 400) {
      expectApiError(response, outcome.status, outcome.message);
      expect(after).toEqual(before);
      return;
    }
    expect({ status: response.status, body: response.body }).toMatchObject({ status: outcome.status });
    route.expectBody?.(response.body, fixtures);
    if (route.method === 'GET') expect(after).toEqual(before);
    else expect(after).not.toEqual(before);
  });
});
