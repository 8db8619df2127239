/**
 * Instance settings: saved by an instance admin, in force at once on this node, fixed by an
 * environment variable when one is set (then refused with its name), secrets never sent back,
 * every change in the instance audit log, bad values refused without saving anything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminInstanceSetting } from '@marginalia/shared';
import { ApiClient, TEST_PASSWORD, registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { expectApiError } from './fixtures.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

async function makeAdmin(app: TestApp, user: TestUser): Promise<void> {
  const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
  expect((await user.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
}

function setting(settings: AdminInstanceSetting[], key: string): AdminInstanceSetting {
  const found = settings.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no setting ${key}`);
  return found;
}

describe('instance settings', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await registerUser(app.baseUrl, 'admin');
    member = await registerUser(app.baseUrl, 'member');
    await makeAdmin(app, admin);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every setting with its default, its variable and where its value comes from', async () => {
    const response = await admin.client.get('/admin/settings');
    expect(response.status).toBe(200);
    const settings = response.body.settings as AdminInstanceSetting[];
    expect(setting(settings, 'registration')).toMatchObject({ value: 'open', source: 'default', env: 'REGISTRATION', secret: false });
    expect(setting(settings, 'smtpUrl')).toMatchObject({ value: null, isSet: false, secret: true, env: 'SMTP_URL' });
    expect(setting(settings, 'passwordSignIn')).toMatchObject({ value: true, source: 'default' });
  });

  it('puts a saved setting in force at once: closed registration refuses the next sign-up', async () => {
    const saved = await admin.client.patch('/admin/settings', { registration: 'closed', inviteTtlHours: 12 });
    expect(saved.status).toBe(200);
    expect(setting(saved.body.settings, 'registration')).toMatchObject({ value: 'closed', source: 'saved' });
    expect((await new ApiClient(app.baseUrl).get('/instance')).body).toMatchObject({ registration: 'closed', email: false, sso: { enabled: false } });
    const refused = await new ApiClient(app.baseUrl).post('/auth/register', { email: 'late@example.org', password: TEST_PASSWORD, displayName: 'Late' });
    expectApiError(refused, 403, 'registration is closed on this instance; ask its administrator for an account');
    await admin.client.patch('/admin/settings', { registration: 'open' });
    expect((await new ApiClient(app.baseUrl).post('/auth/register', { email: 'late@example.org', password: TEST_PASSWORD, displayName: 'Late' })).status).toBe(201);
  });

  it('refuses a bad value naming it, and saves none of the request', async () => {
    const before = (await admin.client.get('/admin/settings')).body;
    const bad = await admin.client.patch('/admin/settings', { workspaceCreation: 'admins', sessionIdleTimeoutMinutes: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/sessionIdleTimeoutMinutes/);
    expect((await admin.client.patch('/admin/settings', { noSuchSetting: true })).status).toBe(400);
    expect((await admin.client.get('/admin/settings')).body).toEqual(before);
  });

  it('keeps secrets write-only and out of the audit log, and clears them with null', async () => {
    const saved = await admin.client.patch('/admin/settings', { smtpUrl: 'smtp://mailer:hunter2@127.0.0.1:2525', mailFrom: 'Marginalia <m@example.org>' });
    expect(setting(saved.body.settings, 'smtpUrl')).toMatchObject({ value: null, isSet: true, source: 'saved' });
    expect(JSON.stringify(saved.body)).not.toContain('hunter2');
    expect((await new ApiClient(app.baseUrl).get('/instance')).body.email).toBe(true);
    const logged = (await app.dataSource.query(`SELECT actor_id, details FROM instance_audit_entries WHERE action = 'settings.changed' ORDER BY created_at DESC LIMIT 1`)) as { actor_id: string; details: unknown }[];
    expect(logged[0]).toEqual({ actor_id: admin.id, details: { changed: { smtpUrl: '(changed)', mailFrom: 'Marginalia <m@example.org>' } } });
    const cleared = await admin.client.patch('/admin/settings', { smtpUrl: null });
    expect(setting(cleared.body.settings, 'smtpUrl')).toMatchObject({ isSet: false, source: 'default' });
    expect((await new ApiClient(app.baseUrl).get('/instance')).body.email).toBe(false);
  });

  it('shortens sessions for everyone when the idle timeout changes', async () => {
    const fresh = await registerUser(app.baseUrl, 'idle');
    await app.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '20 minutes' WHERE user_id = $1`, [fresh.id]);
    expect((await fresh.client.get('/auth/me')).status).toBe(200);
    await admin.client.patch('/admin/settings', { sessionIdleTimeoutMinutes: 10 });
    await app.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '20 minutes' WHERE user_id = $1`, [fresh.id]);
    expect((await fresh.client.get('/auth/me')).status).toBe(401);
    await admin.client.patch('/admin/settings', { sessionIdleTimeoutMinutes: 60 * 24 * 7 });
  });

  it('is for instance admins only', async () => {
    expectApiError(await member.client.get('/admin/settings'), 403, 'this needs an instance administrator');
    expectApiError(await member.client.patch('/admin/settings', { registration: 'closed' }), 403, 'this needs an instance administrator');
    expect((await new ApiClient(app.baseUrl).get('/instance')).body.registration).toBe('open');
  });
});

describe('instance settings fixed by the environment', () => {
  let app: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    // Invite-only: only ADMIN_EMAIL may register without an invite, and it becomes admin.
    app = await createTestApp({ REGISTRATION: 'invite-only', MARKDOWN_REMOTE_IMAGES: 'true', ADMIN_EMAIL: 'root@example.org' });
    admin = await registerUser(app.baseUrl, 'admin', 'root@example.org');
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows them locked with their variable and refuses to change them, saving nothing of the request', async () => {
    const settings = (await admin.client.get('/admin/settings')).body.settings as AdminInstanceSetting[];
    expect(setting(settings, 'registration')).toMatchObject({ value: 'invite-only', source: 'environment', env: 'REGISTRATION' });
    const refused = await admin.client.patch('/admin/settings', { registration: 'open', inviteTtlHours: 5 });
    expectApiError(refused, 409, 'set by the environment (REGISTRATION): change it there and restart, or unset it to manage it here');
    expect(setting((await admin.client.get('/admin/settings')).body.settings, 'inviteTtlHours')).toMatchObject({ value: 48, source: 'default' });
    expect((await new ApiClient(app.baseUrl).get('/instance')).body.markdownRemoteImages).toBe(true);
  });
});
