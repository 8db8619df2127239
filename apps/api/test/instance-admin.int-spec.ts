/**
 * Instance administration: the holder of the start-up setup link administers the instance; disabling an account
 * shuts out its sessions and tokens at once, and re-enabling restores its tokens and login.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, TEST_PASSWORD, registerUser, type ApiResponse, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace, expectApiError } from './fixtures.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

const DISABLED = 'this account has been disabled by an administrator';
const UNAUTHENTICATED = 'sign in first (session cookie or Bearer token)';

describe('instance administration', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await registerUser(app.baseUrl, 'first');
    member = await registerUser(app.baseUrl, 'second');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
  });
  afterAll(async () => {
    await app.close();
  });

  async function signIn(email: string, password = TEST_PASSWORD): Promise<ApiResponse & { client: ApiClient }> {
    const client = new ApiClient(app.baseUrl);
    return { ...(await client.post('/auth/login', { email, password })), client };
  }

  async function userWithToken(label: string): Promise<TestUser & { script: ApiClient }> {
    const user = await registerUser(app.baseUrl, label);
    const created = await user.client.post('/auth/tokens', { name: 'script' });
    const script = new ApiClient(app.baseUrl);
    script.bearer = created.body.token;
    return { ...user, script };
  }

  it('makes the setup link’s holder the instance admin and lists every account for it', async () => {
    expect((await admin.client.get('/auth/me')).body.isInstanceAdmin).toBe(true);
    expect((await member.client.get('/auth/me')).body.isInstanceAdmin).toBe(false);
    const list = await admin.client.get('/admin/users');
    expect(list.status).toBe(200);
    expect(list.body.users.slice(0, 2)).toEqual([
      { id: admin.id, email: admin.email, displayName: admin.displayName, isInstanceAdmin: true, disabledAt: null, createdAt: expect.any(String), lastSeenAt: expect.any(String), workspaceCount: 0 },
      { id: member.id, email: member.email, displayName: member.displayName, isInstanceAdmin: false, disabledAt: null, createdAt: expect.any(String), lastSeenAt: expect.any(String), workspaceCount: 0 },
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/password|argon2/i);
  });

  it('refuses instance administration to everyone else, changing nothing', async () => {
    const target = await registerUser(app.baseUrl, 'target');
    expectApiError(await member.client.get('/admin/users'), 403, 'this needs an instance administrator');
    expectApiError(await member.client.patch(`/admin/users/${target.id}`, { disabled: true }), 403, 'this needs an instance administrator');
    expect((await target.client.get('/auth/me')).status).toBe(200);
    expectApiError(await new ApiClient(app.baseUrl).get('/admin/users'), 401, UNAUTHENTICATED);
  });

  it('disabling an account ends its sessions and suspends its tokens at once, and refuses its login', async () => {
    const user = await userWithToken('disabled');
    const workspaceId = await createWorkspace(user);
    expect((await user.script.get(`/workspaces/${workspaceId}`)).status).toBe(200);

    const disabled = await admin.client.patch(`/admin/users/${user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: user.id, disabledAt: expect.any(String) });

    expectApiError(await user.client.get('/auth/me'), 401, UNAUTHENTICATED);
    expectApiError(await user.script.get('/auth/me'), 401, UNAUTHENTICATED);
    expectApiError(await user.script.get(`/workspaces/${workspaceId}`), 401, UNAUTHENTICATED);
    const login = await signIn(user.email);
    expectApiError(login, 403, DISABLED);
    expect(login.client.sessionCookie).toBeUndefined();
    // A wrong password says only that, revealing nothing about the account's state.
    expectApiError(await signIn(user.email, 'a wrong password'), 401, 'email or password is incorrect');
    const listed = await admin.client.get('/admin/users');
    expect(listed.body.users.find((entry: { id: string }) => entry.id === user.id).disabledAt).toBe(disabled.body.disabledAt);
  });

  it('re-enabling restores the tokens and the login, but not the ended sessions', async () => {
    const user = await userWithToken('restored');
    await admin.client.patch(`/admin/users/${user.id}`, { disabled: true });
    const enabled = await admin.client.patch(`/admin/users/${user.id}`, { disabled: false });
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabledAt).toBeNull();

    expect((await user.script.get('/auth/me')).body.id).toBe(user.id);
    expectApiError(await user.client.get('/auth/me'), 401, UNAUTHENTICATED);
    const login = await signIn(user.email);
    expect(login.status).toBe(200);
    expect((await login.client.get('/auth/me')).body.id).toBe(user.id);
  });

  it('keeps the first disabling time when an account is disabled twice', async () => {
    const user = await registerUser(app.baseUrl, 'twice');
    const first = await admin.client.patch(`/admin/users/${user.id}`, { disabled: true });
    const second = await admin.client.patch(`/admin/users/${user.id}`, { disabled: true });
    expect(second.status).toBe(200);
    expect(second.body.disabledAt).toBe(first.body.disabledAt);
  });

  it('will not let the admin disable their own account', async () => {
    expectApiError(await admin.client.patch(`/admin/users/${admin.id}`, { disabled: true }), 400, 'you cannot disable your own account');
    expect((await admin.client.get('/auth/me')).status).toBe(200);
    const rows = (await app.dataSource.query('SELECT disabled_at FROM users WHERE id = $1', [admin.id])) as { disabled_at: Date | null }[];
    expect(rows[0]?.disabled_at).toBeNull();
  });

  it.each([
    { label: 'an unknown user id', id: randomUUID() },
    { label: 'a malformed user id', id: 'someone' },
  ])('answers 404 for $label', async ({ id }) => {
    expectApiError(await admin.client.patch(`/admin/users/${id}`, { disabled: true }), 404, 'user not found');
  });

  it.each([
    { label: 'a non-boolean', body: { disabled: 'yes' }, message: /^invalid request body: disabled / },
    { label: 'no field', body: {}, message: /^invalid request body: disabled / },
    { label: 'an attempt to grant admin', body: { disabled: false, isInstanceAdmin: true }, message: /unknown field\(s\): isInstanceAdmin/ },
  ])('refuses $label with 400', async ({ body, message }) => {
    expectApiError(await admin.client.patch(`/admin/users/${member.id}`, body), 400, message);
    expect((await member.client.get('/auth/me')).body).toMatchObject({ isInstanceAdmin: false });
  });
});
