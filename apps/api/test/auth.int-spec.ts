import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, TEST_PASSWORD, registerUser, uniqueEmail } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';

describe('accounts and sessions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers an account, sets an httpOnly SameSite=Lax session cookie, and knows the user', async () => {
    const client = new ApiClient(app.baseUrl);
    const email = uniqueEmail('Reg');
    const response = await client.post('/auth/register', { email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD, displayName: 'Ada Analyst' });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: email.toLowerCase(), displayName: 'Ada Analyst' });
    const sessionCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('marginalia_session='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    const me = await client.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email.toLowerCase());
  });

  it('stores the password as an argon2id hash with at least OWASP parameters', async () => {
    const user = await registerUser(app.baseUrl, 'hash');
    const [row] = (await app.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [user.id])) as { password_hash: string }[];
    const [algorithm, , parameters] = (row?.password_hash ?? '').split('$').slice(1);
    expect(algorithm).toBe('argon2id');
    const values = Object.fromEntries((parameters ?? '').split(',').map((pair) => pair.split('=')));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad registrations with a specific message and creates nothing', async () => {
    const client = new ApiClient(app.baseUrl);
    const short = await client.post('/auth/register', { email: uniqueEmail(), password: 'short', displayName: 'X' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(short.body.message).toMatch(/password must be at least 10 characters/);
    const unknownField = await client.post('/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'X', isInstanceAdmin: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toMatch(/unknown field\(s\): isInstanceAdmin/);
    const badJson = await client.request('POST', '/auth/register', '{"email":', {});
    expect(badJson.status).toBe(400);
    const existing = await registerUser(app.baseUrl, 'dup');
    const duplicate = await client.post('/auth/register', { email: existing.email, password: TEST_PASSWORD, displayName: 'Again' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toBe('an account with this email already exists');
    expect(client.sessionCookie).toBeUndefined();
  });

  it('logs in with a new session id each time, and answers wrong password and unknown email identically', async () => {
    const user = await registerUser(app.baseUrl, 'login');
    const first = new ApiClient(app.baseUrl);
    expect((await first.post('/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
    const second = new ApiClient(app.baseUrl);
    expect((await second.post('/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
    expect(first.sessionCookie).toBeDefined();
    expect(first.sessionCookie).not.toBe(second.sessionCookie);
    expect(first.sessionCookie).not.toBe(user.client.sessionCookie);

    const wrongPassword = await new ApiClient(app.baseUrl).post('/auth/login', { email: user.email, password: 'not the password' });
    const unknownEmail = await new ApiClient(app.baseUrl).post('/auth/login', { email: uniqueEmail('ghost'), password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('logs out this session, and logs out everywhere', async () => {
    const user = await registerUser(app.baseUrl, 'logout');
    const otherTab = new ApiClient(app.baseUrl);
    await otherTab.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect((await user.client.post('/auth/logout')).status).toBe(204);
    expect((await user.client.get('/auth/me')).status).toBe(401);
    expect((await otherTab.get('/auth/me')).status).toBe(200);

    const thirdTab = new ApiClient(app.baseUrl);
    await thirdTab.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect((await thirdTab.post('/auth/logout-all')).status).toBe(204);
    expect((await otherTab.get('/auth/me')).status).toBe(401);
    expect((await thirdTab.get('/auth/me')).status).toBe(401);
  });

  it('rejects cookie-authenticated writes without the CSRF header', async () => {
    const user = await registerUser(app.baseUrl, 'csrf');
    const response = await user.client.post('/workspaces', { name: 'Forged' }, { withoutCsrf: true });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/x-csrf-token/);
    expect((await user.client.get('/workspaces')).body.workspaces).toHaveLength(0);
  });

  it('changes the password, ending the other sessions but not this one', async () => {
    const user = await registerUser(app.baseUrl, 'password');
    const otherTab = new ApiClient(app.baseUrl);
    await otherTab.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
    const wrong = await user.client.post('/auth/password', { currentPassword: 'wrong password', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(403);
    expect((await user.client.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })).status).toBe(204);
    expect((await user.client.get('/auth/me')).status).toBe(200);
    expect((await otherTab.get('/auth/me')).status).toBe(401);
    expect((await new ApiClient(app.baseUrl).post('/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await new ApiClient(app.baseUrl).post('/auth/login', { email: user.email, password: 'a brand new password' })).status).toBe(200);
  });

  it('ends sessions after the inactivity timeout and after the absolute timeout', async () => {
    const idle = await registerUser(app.baseUrl, 'idle');
    await app.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '8 days' WHERE user_id = $1`, [idle.id]);
    expect((await idle.client.get('/auth/me')).status).toBe(401);
    const old = await registerUser(app.baseUrl, 'old');
    await app.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [old.id]);
    expect((await old.client.get('/auth/me')).status).toBe(401);
  });

  it('lists sessions and revokes one of them', async () => {
    const user = await registerUser(app.baseUrl, 'sessions');
    const otherTab = new ApiClient(app.baseUrl);
    await otherTab.post('/auth/login', { email: user.email, password: TEST_PASSWORD }, { headers: { 'user-agent': 'OtherBrowser/1.0' } });
    const list = await user.client.get('/auth/sessions');
    expect(list.body.sessions).toHaveLength(2);
    const other = list.body.sessions.find((session: { current: boolean }) => !session.current);
    expect(other.userAgent).toBe('OtherBrowser/1.0');
    expect((await user.client.delete(`/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await otherTab.get('/auth/me')).status).toBe(401);
  });

  it('makes no self-registered account instance admin, not even the first (the setup link does)', async () => {
    const rows = (await app.dataSource.query('SELECT count(*)::int AS admins FROM users WHERE is_instance_admin')) as { admins: number }[];
    expect(rows[0]?.admins).toBe(0);
    const later = await registerUser(app.baseUrl, 'later');
    expect((await later.client.get('/auth/me')).body.isInstanceAdmin).toBe(false);
  });
});
