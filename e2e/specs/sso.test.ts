/**
 * Single sign-on in Chromium: an instance admin points the instance at an OpenID Connect
 * provider (the test's own, in-process) through PATCH /api/admin/settings; a person clicks
 * "Sign in with Campus account" on the login page, signs in at the provider, and lands signed
 * in among their workspaces. Someone from a domain the instance does not allow comes back to
 * the login page with the reason. With password sign-in off, the login page offers the provider only.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../pages/LoginPage.js';
import { ProviderSignInPage } from '../pages/ProviderSignInPage.js';
import { WorkspacesPage } from '../pages/WorkspacesPage.js';
import { ApiSession } from '../support/api-session.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { launchBrowser } from '../support/browser.js';
import { startOidcProvider, type RunningProvider } from '../support/oidc-provider.js';

const ACTION_TIMEOUT_MS = 15_000;

let app: RunningApp | undefined;
let provider: RunningProvider | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  if (!app || !browser) throw new Error('the app and browser start in before()');
  const context = await browser.newContext({ baseURL: app.baseUrl, viewport });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  contexts.push(context);
  return await context.newPage();
}

before(async () => {
  app = await startApp();
  provider = await startOidcProvider(`${app.baseUrl}/api/auth/oidc/callback`);
  browser = await launchBrowser();
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await provider?.stop();
  await app?.stop();
});

/** The first account claims the instance with the one-time setup link the server printed. */
async function adminSession(running: RunningApp, run: string): Promise<ApiSession> {
  const admin = new ApiSession(running.baseUrl);
  await admin.register(`admin-${run}@example.test`, 'Ines Admin', 'correct horse battery');
  const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(running.log())?.[1];
  assert.ok(token, 'the server printed an admin setup link');
  await admin.request('POST', '/auth/admin-setup', { token });
  return admin;
}

void test('a person signs in through the OpenID Connect provider', async (t) => {
  if (!app || !provider) throw new Error('the app and provider start in before()');
  const run = randomBytes(4).toString('hex');
  const admin = await adminSession(app, run);
  await admin.request('PATCH', '/admin/settings', {
    oidcIssuer: provider.issuer,
    oidcClientId: provider.clientId,
    oidcClientSecret: provider.clientSecret,
    oidcDisplayName: 'Campus account',
    oidcAllowedDomains: ['campus.example'],
  });
  provider.people.set('rosa', { sub: 'rosa', email: `rosa-${run}@campus.example`, email_verified: true, name: 'Rosa Ortega' });
  provider.people.set('mallory', { sub: 'mallory', email: `mallory-${run}@elsewhere.example`, email_verified: true, name: 'Mallory' });

  const page = await newPage();
  const phone = await newPage({ width: 390, height: 844 });
  try {
    const login = new LoginPage(page);
    await login.goto();
    await login.ssoLink('Campus account').waitFor();
    await saveScreenshot(page, 'sso-login-1280');
    const phoneLogin = new LoginPage(phone);
    await phoneLogin.goto();
    await phoneLogin.ssoLink('Campus account').waitFor();
    await saveScreenshot(phone, 'sso-login-390');

    await login.ssoLink('Campus account').click();
    await new ProviderSignInPage(page).signIn('rosa');
    const workspaces = new WorkspacesPage(page);
    await workspaces.waitUntilShown();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<{ email: string; displayName: string }>);
    assert.equal(me.email, `rosa-${run}@campus.example`);
    assert.equal(me.displayName, 'Rosa Ortega');
    await page.getByRole('banner').getByRole('button', { name: 'Account menu for Rosa Ortega' }).waitFor();

    // Someone the instance does not allow is sent back to the login page, told why.
    await phoneLogin.ssoLink('Campus account').click();
    await new ProviderSignInPage(phone).signIn('mallory');
    await phone.waitForURL('**/login?sso_error=domain-not-allowed');
    await new LoginPage(phone).ssoError().getByText('Accounts from your email domain may not sign in to this instance.').waitFor();
    await saveScreenshot(phone, 'sso-refused-390');

    // Password sign-in off: the login page offers the provider only.
    await admin.request('PATCH', '/admin/settings', { passwordSignIn: false });
    const ssoOnly = await newPage();
    const ssoOnlyLogin = new LoginPage(ssoOnly);
    await ssoOnlyLogin.goto();
    await ssoOnlyLogin.ssoLink('Campus account').waitFor();
    await ssoOnly.getByText('Accounts on this instance sign in through Campus account.').waitFor();
    assert.equal(await ssoOnly.getByLabel('Password', { exact: true }).count(), 0, 'no password field');
    await saveScreenshot(ssoOnly, 'sso-only-login-1280');
  } catch (error) {
    await saveFailureArtifacts(t.name, { page, phone }, app.log());
    throw error;
  }
});
