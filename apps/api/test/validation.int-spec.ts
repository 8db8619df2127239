/**
 * Request validation and the error format: every refusal is { statusCode, error, message }
 * (plus `issues` for validation), unknown fields are named rather than ignored, and nothing
 * is written when a body is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, TEST_PASSWORD, uniqueEmail } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, registerCast, workspaceSnapshot, type Cast } from './fixtures.js';

describe('validation and error bodies', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl);
    // Every request below is refused, so the tests can share this workspace.
    workspaceId = await createCastWorkspace(cast);
  });
  afterAll(async () => {
    await app.close();
  });

  interface BodyRoute {
    name: string;
    method: 'POST' | 'PATCH';
    path: (workspaceId: string, cast: Cast) => string;
    body: (cast: Cast) => Record<string, unknown>;
    anonymous?: boolean;
  }

  /** Requests whose valid body is given, sent by the owner (or anonymously, for public routes). */
  const ROUTES: BodyRoute[] = [
    { name: 'POST /auth/register', method: 'POST', path: () => '/auth/register', body: () => ({ email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'New' }), anonymous: true },
    { name: 'POST /auth/login', method: 'POST', path: () => '/auth/login', body: () => ({ email: uniqueEmail(), password: TEST_PASSWORD }), anonymous: true },
    { name: 'POST /auth/password', method: 'POST', path: () => '/auth/password', body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'another password' }) },
    { name: 'POST /auth/tokens', method: 'POST', path: () => '/auth/tokens', body: () => ({ name: 'script' }) },
    { name: 'POST /workspaces', method: 'POST', path: () => '/workspaces', body: () => ({ name: 'New workspace' }) },
    { name: 'PATCH /workspaces/:workspaceId', method: 'PATCH', path: (w: string) => `/workspaces/${w}`, body: () => ({ name: 'Renamed' }) },
    { name: 'POST /workspaces/:workspaceId/members', method: 'POST', path: (w: string) => `/workspaces/${w}/members`, body: () => ({ email: uniqueEmail(), role: 'viewer' }) },
    { name: 'PATCH /workspaces/:workspaceId/members/:userId', method: 'PATCH', path: (w: string, c: Cast) => `/workspaces/${w}/members/${c.viewer.id}`, body: () => ({ role: 'editor' }) },
    { name: 'POST /workspaces/:workspaceId/transfer-ownership', method: 'POST', path: (w: string) => `/workspaces/${w}/transfer-ownership`, body: (c: Cast) => ({ userId: c.admin.id }) },
  ];

  /** Everything the routes above could write. */
  async function state(): Promise<unknown> {
    return await Promise.all([
      workspaceSnapshot(app.dataSource, workspaceId),
      app.dataSource.query('SELECT id FROM workspaces ORDER BY id'),
      app.dataSource.query('SELECT id, password_hash FROM users ORDER BY id'),
      app.dataSource.query('SELECT id FROM sessions ORDER BY id'),
      app.dataSource.query('SELECT id FROM personal_tokens ORDER BY id'),
    ]);
  }

  async function unchanged<T>(work: () => Promise<T>): Promise<T> {
    const before = await state();
    const result = await work();
    expect(await state()).toEqual(before);
    return result;
  }

  function caller(route: BodyRoute): ApiClient {
    return route.anonymous ? new ApiClient(app.baseUrl) : cast.owner.client;
  }

  it.each(ROUTES)('$name names unknown fields instead of ignoring them', async (route) => {
    const body = { ...route.body(cast), isInstanceAdmin: true, role_override: 'owner' };
    const response = await unchanged(() => caller(route).request(route.method, route.path(workspaceId, cast), body));
    expectApiError(response, 400, /unknown field\(s\): isInstanceAdmin, role_override/);
    expect(response.body.issues).toContainEqual({ path: '', message: 'unknown field(s): isInstanceAdmin, role_override' });
  });

  it.each(ROUTES)('$name refuses a body that is not valid JSON', async (route) => {
    const response = await unchanged(() => caller(route).request(route.method, route.path(workspaceId, cast), '{"name": "half'));
    expectApiError(response, 400, 'request body is not valid JSON');
  });

  it.each(ROUTES)('$name refuses a JSON body that is not an object', async (route) => {
    // An array gets through the parser and fails validation; the parser refuses the others.
    for (const [body, message] of [['[]', /^invalid request body: /], ['"text"', 'request body is not valid JSON'], ['42', 'request body is not valid JSON'], ['null', 'request body is not valid JSON']] as const) {
      const response = await unchanged(() => caller(route).request(route.method, route.path(workspaceId, cast), body));
      expectApiError(response, 400, message);
    }
  });

  it.each([
    { label: 'adding', send: (c: Cast, w: string) => c.owner.client.post(`/workspaces/${w}/members`, { email: uniqueEmail(), role: 'superadmin' }) },
    { label: 'changing', send: (c: Cast, w: string) => c.owner.client.patch(`/workspaces/${w}/members/${c.viewer.id}`, { role: 'Owner' }) },
  ])('refuses an unknown role when $label a member, naming the field', async ({ send }) => {
    const response = await unchanged(() => send(cast, workspaceId));
    expectApiError(response, 400, /^invalid request body: role /);
    expect(response.body.issues).toEqual([{ path: 'role', message: expect.stringContaining('owner') }]);
  });

  it.each([
    { label: 'an empty update', body: {}, message: 'invalid request body: give at least one of name, description' },
    { label: 'a blank name', body: { name: '   ' }, message: 'invalid request body: name must not be empty' },
    { label: 'a 121-character name', body: { name: 'n'.repeat(121) }, message: /^invalid request body: name / },
    { label: 'a non-string description', body: { description: 7 }, message: /^invalid request body: description / },
  ])('refuses $label of a workspace', async ({ body, message }) => {
    const response = await unchanged(() => cast.owner.client.patch(`/workspaces/${workspaceId}`, body));
    expectApiError(response, 400, message);
  });

  it('refuses a body over the JSON size limit with 413', async () => {
    const response = await unchanged(() => cast.owner.client.post('/workspaces', { name: 'Big', description: 'x'.repeat(1_100_000) }));
    expectApiError(response, 413, 'request body is too large');
  });

  it('answers unknown routes with the same error shape', async () => {
    expectApiError(await cast.owner.client.get('/nothing-here'), 404, 'Cannot GET /api/nothing-here');
    expectApiError(await cast.owner.client.request('PUT', `/workspaces/${workspaceId}`, { name: 'x' }), 404, `Cannot PUT /api/workspaces/${workspaceId}`);
  });
});
