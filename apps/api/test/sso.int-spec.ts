/**
 * Single sign-on through a real OpenID Connect provider started by the test (oidc-provider),
 * over real HTTP: the whole authorization-code flow with PKCE, the accounts it creates or
 * links, and every refusal (each lands on the login page with its reason and is audited).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CSRF_COOKIE, PASSWORD_SIGN_IN_OFF_MESSAGE, SSO_CALLBACK_PATH } from '@marginalia/shared';
import { ApiClient, TEST_PASSWORD, registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { expectApiError } from './fixtures.js';
import { CookieJar, passProvider, startTestProvider, type TestProvider } from './oidc-test-provider.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

let app: TestApp;
let provider: TestProvider;
let admin: TestUser;
let counter = 0;

function person(overrides: { email?: string; email_verified?: boolean; groups?: string[]; name?: string } = {}) {
  counter += 1;
  const sub = `person-${counter}`;
  const entry = { sub, email: `person${counter}@uni.example`, email_verified: true, name: `Person ${counter}`, ...overrides };
  provider.people.set(sub, entry);
  return entry;
}

async function me(jar: CookieJar): Promise<{ status: number; body: any }> {
  const url = new URL('/api/auth/me', app.baseUrl);
  const response = await fetch(url, { headers: { cookie: jar.header(url) } });
  return { status: response.status, body: await response.json() };
}

async function lastAudit(action: string): Promise<{ actor_id: string | null; subject_label: string | null; details: Record<string, unknown> } | undefined> {
  const rows = (await app.dataSource.query(
    'SELECT actor_id, subject_label, details FROM instance_audit_entries WHERE action = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
    [action],
  )) as { actor_id: string | null; subject_label: string | null; details: Record<string, unknown> }[];
  return rows[0];
}

async function settings(patch: Record<string, unknown>): Promise<void> {
  const response = await admin.client.patch('/admin/settings', patch);
  expect(response.status).toBe(200);
}

function refusal(landing: URL): string | null {
  expect(landing.pathname).toBe('/login');
  return landing.searchParams.get('sso_error');
}

beforeAll(async () => {
  app = await createTestApp();
  provider = await startTestProvider(`${app.baseUrl}${SSO_CALLBACK_PATH}`);
  admin = await registerUser(app.baseUrl, 'admin');
  const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
  expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
});
afterAll(async () => {
  await app.close();
  await provider.close();
});

describe('single sign-on (OpenID Connect)', () => {
  beforeEach(async () => {
    await settings({
      oidcIssuer: provider.issuer,
      oidcClientId: provider.clientId,
      oidcClientSecret: provider.clientSecret,
      oidcDisplayName: 'University account',
      oidcAllowedDomains: [],
      oidcCreateAccounts: true,
      oidcAdminClaim: null,
      passwordSignIn: true,
    });
  });

  it('tells the web client that SSO is on, with its label', async () => {
    expect((await new ApiClient(app.baseUrl).get('/instance')).body).toMatchObject({ sso: { enabled: true, label: 'University account' }, passwordSignIn: true });
  });

  it('creates the account on first sign-in, then signs the same account in again by issuer and subject', async () => {
    const ana = person({ name: 'Ana Lima' });
    const first = await passProvider(app.baseUrl, ana.sub, new CookieJar(), { returnTo: '/workspaces' });
    expect(first.landing.pathname).toBe('/workspaces');
    const signedIn = await me(first.jar);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ email: ana.email, displayName: 'Ana Lima', isInstanceAdmin: false });
    expect(first.jar.get(new URL(app.baseUrl).origin, CSRF_COOKIE)).toBeDefined();
    expect(await lastAudit('auth.ssoSignedIn')).toMatchObject({ actor_id: signedIn.body.id, details: { created: true, linked: true } });

    // The provider changes her email: the identity (iss + sub) still finds her account.
    provider.people.set(ana.sub, { ...ana, email: 'ana.lima@uni.example' });
    const second = await passProvider(app.baseUrl, ana.sub);
    expect(second.landing.pathname).toBe('/');
    expect((await me(second.jar)).body).toMatchObject({ id: signedIn.body.id, email: ana.email });
    expect(await lastAudit('auth.ssoSignedIn')).toMatchObject({ actor_id: signedIn.body.id, details: { created: false, linked: false } });
    const accounts = (await app.dataSource.query('SELECT count(*)::int AS n FROM users WHERE email IN ($1, $2)', [ana.email, 'ana.lima@uni.example'])) as { n: number }[];
    expect(accounts[0]!.n).toBe(1);
  });

  it('links to an existing password account with the same verified email; the password still works', async () => {
    const bruno = await registerUser(app.baseUrl, 'bruno');
    const atProvider = person({ email: bruno.email.toUpperCase() });
    const { jar } = await passProvider(app.baseUrl, atProvider.sub);
    expect((await me(jar)).body).toMatchObject({ id: bruno.id, email: bruno.email });
    expect(await lastAudit('auth.ssoSignedIn')).toMatchObject({ actor_id: bruno.id, details: { created: false, linked: true } });
    expect((await new ApiClient(app.baseUrl).post('/auth/login', { email: bruno.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('refuses an email outside the allowed domains, creating nothing, and audits why', async () => {
    await settings({ oidcAllowedDomains: ['uni.example'] });
    const outsider = person({ email: 'eve@elsewhere.example' });
    const { landing, jar } = await passProvider(app.baseUrl, outsider.sub);
    expect(refusal(landing)).toBe('domain-not-allowed');
    expect((await me(jar)).status).toBe(401);
    expect(await lastAudit('auth.ssoRefused')).toMatchObject({ actor_id: null, subject_label: 'eve@elsewhere.example', details: { reason: 'domain-not-allowed' } });
    expect(await app.dataSource.query('SELECT 1 FROM users WHERE email = $1', ['eve@elsewhere.example'])).toEqual([]);
  });

  it('refuses an email the provider has not verified, even for an existing account', async () => {
    const carla = await registerUser(app.baseUrl, 'carla');
    const unverified = person({ email: carla.email, email_verified: false });
    const { landing, jar } = await passProvider(app.baseUrl, unverified.sub);
    expect(refusal(landing)).toBe('email-not-verified');
    expect((await me(jar)).status).toBe(401);
    expect(await lastAudit('auth.ssoRefused')).toMatchObject({ details: { reason: 'email-not-verified' } });
  });

  it('refuses an answer whose state is not the one this browser started, and one without a started sign-in', async () => {
    const dana = person();
    const tampered = await passProvider(app.baseUrl, dana.sub, new CookieJar(), {
      tamperCallback: (callback) => {
        callback.searchParams.set('state', 'forged-state');
        return callback;
      },
    });
    expect(refusal(tampered.landing)).toBe('bad-state');
    expect((await me(tampered.jar)).status).toBe(401);
    expect(await lastAudit('auth.ssoRefused')).toMatchObject({ details: { reason: 'bad-state' } });

    // A callback with no transaction cookie (another browser, or an expired sign-in).
    const bare = await fetch(new URL(`${SSO_CALLBACK_PATH}?code=abc&state=xyz`, app.baseUrl), { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/login?sso_error=missing-state');
  });

  it('comes back refused, with the provider\'s reason audited, when the person cancels at the provider', async () => {
    const { landing, jar } = await passProvider(app.baseUrl, person().sub, new CookieJar(), { cancel: true });
    expect(refusal(landing)).toBe('provider-error');
    expect((await me(jar)).status).toBe(401);
    expect(await lastAudit('auth.ssoRefused')).toMatchObject({ details: { reason: 'provider-error', error: 'access_denied' } });
  });

  it('refuses a callback replayed after it was used', async () => {
    const erik = person();
    let callback: URL | null = null;
    const { jar } = await passProvider(app.baseUrl, erik.sub, new CookieJar(), {
      tamperCallback: (url) => {
        callback = new URL(url);
        return url;
      },
    });
    expect((await me(jar)).status).toBe(200);
    const replay = await fetch(callback!, { redirect: 'manual', headers: { cookie: jar.header(callback!) } });
    expect(replay.headers.get('location')).toBe('/login?sso_error=missing-state');
  });

  it('grants instance admin to people with the admin claim, and not to others', async () => {
    await settings({ oidcAdminClaim: 'groups=marginalia-admins' });
    const chief = person({ groups: ['staff', 'marginalia-admins'] });
    const staff = person({ groups: ['staff'] });
    const chiefSession = await passProvider(app.baseUrl, chief.sub);
    const chiefMe = await me(chiefSession.jar);
    expect(chiefMe.body.isInstanceAdmin).toBe(true);
    expect(await lastAudit('user.promoted')).toMatchObject({ actor_id: null, subject_label: chief.email, details: { by: 'sso-claim' } });
    const staffSession = await passProvider(app.baseUrl, staff.sub);
    expect((await me(staffSession.jar)).body.isInstanceAdmin).toBe(false);

    // The claim grants, never revokes: removed from the group, the admin stays admin (see README).
    provider.people.set(chief.sub, { ...chief, groups: ['staff'] });
    expect((await me((await passProvider(app.baseUrl, chief.sub)).jar)).body.isInstanceAdmin).toBe(true);
  });

  it('refuses people without an account when account creation is off, but signs in known ones', async () => {
    await settings({ oidcCreateAccounts: false });
    const stranger = person();
    const refused = await passProvider(app.baseUrl, stranger.sub);
    expect(refusal(refused.landing)).toBe('no-account');
    expect(await lastAudit('auth.ssoRefused')).toMatchObject({ subject_label: stranger.email, details: { reason: 'no-account' } });
    const known = await registerUser(app.baseUrl, 'known');
    const knownAtProvider = person({ email: known.email });
    expect((await me((await passProvider(app.baseUrl, knownAtProvider.sub)).jar)).body.id).toBe(known.id);
  });

  it('refuses a disabled account', async () => {
    const gone = await registerUser(app.baseUrl, 'gone');
    await app.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [gone.id]);
    const { landing } = await passProvider(app.baseUrl, person({ email: gone.email }).sub);
    expect(refusal(landing)).toBe('account-disabled');
  });

  it('with password sign-in off, refuses password login and registration (403) but lets SSO in', async () => {
    await settings({ passwordSignIn: false });
    expect((await new ApiClient(app.baseUrl).get('/instance')).body).toMatchObject({ passwordSignIn: false, sso: { enabled: true } });
    const login = await new ApiClient(app.baseUrl).post('/auth/login', { email: admin.email, password: TEST_PASSWORD });
    expectApiError(login, 403, PASSWORD_SIGN_IN_OFF_MESSAGE);
    const register = await new ApiClient(app.baseUrl).post('/auth/register', { email: 'new@uni.example', password: TEST_PASSWORD, displayName: 'New' });
    expectApiError(register, 403, PASSWORD_SIGN_IN_OFF_MESSAGE);
    expect((await me((await passProvider(app.baseUrl, person().sub)).jar)).status).toBe(200);

    // Without a provider configured, "off" cannot lock everyone out: password sign-in stays offered.
    await settings({ oidcIssuer: null });
    expect((await new ApiClient(app.baseUrl).get('/instance')).body).toMatchObject({ passwordSignIn: true, sso: { enabled: false } });
    expect((await new ApiClient(app.baseUrl).post('/auth/login', { email: admin.email, password: TEST_PASSWORD })).status).toBe(200);
    const notConfigured = await fetch(new URL('/api/auth/oidc/start', app.baseUrl), { redirect: 'manual' });
    expect(notConfigured.headers.get('location')).toBe('/login?sso_error=not-configured');
  });

  it('reports an unreachable provider as such', async () => {
    await settings({ oidcIssuer: 'http://127.0.0.1:9/' });
    const response = await fetch(new URL('/api/auth/oidc/start', app.baseUrl), { redirect: 'manual' });
    expect(response.headers.get('location')).toBe('/login?sso_error=provider-unreachable');
    expect(await lastAudit('auth.ssoRefused')).toMatchObject({ details: { reason: 'provider-unreachable' } });
  });
});

