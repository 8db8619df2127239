/**
 * Who may create an account, how fast, and who becomes instance admin: a per-IP throttle,
 * duplicates refused before any password is hashed, REGISTRATION=open|invite-only|closed, and
 * admin granted only by the one-time setup link printed at start-up (or ADMIN_EMAIL).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, TEST_PASSWORD, registerUser, uniqueEmail } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createInvite, createWorkspace, expectApiError } from './fixtures.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';
import { PasswordHasher } from '../src/modules/auth/password-hasher.service.js';

const register = (app: TestApp, email = uniqueEmail('reg'), extra: Record<string, unknown> = {}, ip?: string) => {
  const client = new ApiClient(app.baseUrl);
  if (ip) client.forwardedFor = ip;
  return client.post('/auth/register', { email, password: TEST_PASSWORD, displayName: 'Reg', ...extra });
};
const userCount = async (app: TestApp): Promise<number> => ((await app.dataSource.query('SELECT count(*)::int AS n FROM users')) as { n: number }[])[0]!.n;

describe('registration: open instance', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ TRUST_PROXY: 'true', REGISTRATION_MAX_PER_IP: '3' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('throttles registrations per IP, and only that IP', async () => {
    for (let index = 0; index < 3; index++) expect((await register(app, undefined, {}, '203.0.113.7')).status).toBe(201);
    const before = await userCount(app);
    expectApiError(await register(app, undefined, {}, '203.0.113.7'), 429, 'too many registrations from this address; try again in 60 minutes');
    expect(await userCount(app)).toBe(before);
    expect((await register(app, undefined, {}, '203.0.113.8')).status).toBe(201);
  });

  it('refuses a parallel burst beyond the limit from one IP', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => register(app, undefined, {}, '198.51.100.9')));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(5);
  });

  it('refuses a duplicate email before hashing its password', async () => {
    const email = uniqueEmail('dup');
    expect((await register(app, email, {}, '192.0.2.1')).status).toBe(201);
    const hasher = app.get(PasswordHasher);
    const hash = hasher.hash.bind(hasher);
    let hashes = 0;
    hasher.hash = async (password: string) => {
      hashes += 1;
      return await hash(password);
    };
    try {
      expectApiError(await register(app, email, {}, '192.0.2.2'), 409, 'an account with this email already exists');
      expect(hashes).toBe(0);
      expect((await register(app, undefined, {}, '192.0.2.2')).status).toBe(201);
      expect(hashes).toBe(1);
    } finally {
      hasher.hash = hash;
    }
  });

  it('makes nobody admin by registering first; the one-time setup link does, once', async () => {
    const first = await registerUser(app.baseUrl, 'first');
    expect((await first.client.get('/auth/me')).body.isInstanceAdmin).toBe(false);
    const setup = app.get(AdminSetupService);
    const stale = await setup.issueTokenIfNeeded();
    const token = await setup.issueTokenIfNeeded();
    expect(token).not.toBe(stale);
    expectApiError(await first.client.post('/auth/admin-setup', { token: stale }), 410, /^this setup link has already been used or replaced/);
    expectApiError(await new ApiClient(app.baseUrl).post('/auth/admin-setup', { token }), 401);
    expect((await first.client.post('/auth/admin-setup', { token })).status).toBe(204);
    expect((await first.client.get('/auth/me')).body.isInstanceAdmin).toBe(true);
    const second = await registerUser(app.baseUrl, 'second');
    expectApiError(await second.client.post('/auth/admin-setup', { token }), 410);
    expect((await second.client.get('/auth/me')).body.isInstanceAdmin).toBe(false);
    // With an admin in place, a restart prints no link.
    expect(await setup.issueTokenIfNeeded()).toBeNull();
  });
});

describe('registration: invite-only and closed instances', () => {
  let inviteOnly: TestApp;
  let closed: TestApp;
  const adminEmail = uniqueEmail('boss');
  beforeAll(async () => {
    inviteOnly = await createTestApp({ REGISTRATION: 'invite-only', ADMIN_EMAIL: adminEmail });
    closed = await createTestApp({ REGISTRATION: 'closed' });
  });
  afterAll(async () => {
    await Promise.all([inviteOnly.close(), closed.close()]);
  });

  it('refuses every registration on a closed instance', async () => {
    expectApiError(await register(closed), 403, 'registration is closed on this instance; ask its administrator for an account');
    expect(await userCount(closed)).toBe(0);
  });

  it('takes, on an invite-only instance, ADMIN_EMAIL and people holding an invite for their own email', async () => {
    const boss = await registerUser(inviteOnly.baseUrl, 'boss', adminEmail);
    expect((await boss.client.get('/auth/me')).body.isInstanceAdmin).toBe(true);
    const workspaceId = await createWorkspace(boss, 'Invite only');
    const invite = await createInvite(boss, workspaceId, 'editor');
    const needsInvite = 'registration on this instance needs an invite: open the invite link you were sent and register with the invited email';
    expectApiError(await register(inviteOnly), 403, needsInvite);
    expectApiError(await register(inviteOnly, invite.email), 403, needsInvite);
    expectApiError(await register(inviteOnly, uniqueEmail('other'), { inviteToken: invite.token }), 403, needsInvite);
    expectApiError(await register(inviteOnly, invite.email, { inviteToken: 'not-a-token' }), 403, needsInvite);
    const before = await userCount(inviteOnly);
    expect((await register(inviteOnly, invite.email, { inviteToken: invite.token })).status).toBe(201);
    expect(await userCount(inviteOnly)).toBe(before + 1);
  });
});
