/**
 * Every instance admin route (admin-routes.ts): an anonymous visitor gets 401, a signed-in
 * member who is not an instance admin 403 (changing nothing), an instance admin success.
 * A personal token of an instance admin works too (that is how Prometheus scrapes /metrics).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, registerUser, type ApiResponse, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace, expectApiError } from './fixtures.js';
import { ADMIN_ROUTES, fillAdminPath, type AdminRoute, type AdminRouteFixtures } from './admin-routes.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

describe('instance admin routes by caller', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let counter = 0;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await registerUser(app.baseUrl, 'admin');
    member = await registerUser(app.baseUrl, 'member');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
  });
  afterAll(async () => {
    await app.close();
  });

  async function fixtures(): Promise<AdminRouteFixtures> {
    counter += 1;
    const user = await registerUser(app.baseUrl, `subject${counter}`);
    const workspaceName = `Owned ${counter}`;
    const workspaceId = await createWorkspace(user, workspaceName);
    const leaver = await registerUser(app.baseUrl, `leaver${counter}`);
    const orphanedWorkspaceId = await createWorkspace(leaver, `Orphaned ${counter}`);
    await app.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [leaver.id]);
    return { userId: user.id, userEmail: user.email, workspaceId, workspaceName, orphanedWorkspaceId };
  }

  function send(client: ApiClient, route: AdminRoute, f: AdminRouteFixtures): Promise<ApiResponse> {
    const body = typeof route.body === 'function' ? route.body(f) : route.body;
    return client.request(route.method, fillAdminPath(route.path, f), body);
  }

  const label = (route: AdminRoute) => `${route.method} ${route.path}`;

  it.each(ADMIN_ROUTES.map((route) => [label(route), route] as const))('%s: anonymous 401', async (_name, route) => {
    expectApiError(await send(new ApiClient(app.baseUrl), route, await fixtures()), 401, 'sign in first (session cookie or Bearer token)');
  });

  it.each(ADMIN_ROUTES.map((route) => [label(route), route] as const))('%s: non-admin 403, nothing changed', async (_name, route) => {
    const f = await fixtures();
    const before = await app.dataSource.query('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM workspaces) AS workspaces, (SELECT count(*) FROM instance_audit_entries WHERE action NOT LIKE $1) AS audit', ['auth.%']);
    expectApiError(await send(member.client, route, f), 403, 'this needs an instance administrator');
    const after = await app.dataSource.query('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM workspaces) AS workspaces, (SELECT count(*) FROM instance_audit_entries WHERE action NOT LIKE $1) AS audit', ['auth.%']);
    expect(after).toEqual(before);
  });

  it.each(ADMIN_ROUTES.map((route) => [label(route), route] as const))('%s: instance admin succeeds', async (_name, route) => {
    const response = await send(admin.client, route, await fixtures());
    expect({ status: response.status, body: response.status === route.success ? undefined : response.body }).toEqual({ status: route.success, body: undefined });
  });

  it('accepts an instance admin’s personal token (as a Prometheus scraper uses) and refuses a member’s', async () => {
    const adminScript = new ApiClient(app.baseUrl);
    adminScript.bearer = (await admin.client.post('/auth/tokens', { name: 'prometheus' })).body.token;
    expect((await adminScript.get('/admin/metrics')).status).toBe(200);
    const memberScript = new ApiClient(app.baseUrl);
    memberScript.bearer = (await member.client.post('/auth/tokens', { name: 'prometheus' })).body.token;
    expectApiError(await memberScript.get('/admin/metrics'), 403, 'this needs an instance administrator');
  });
});
