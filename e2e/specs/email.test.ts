/**
 * Email in Chromium, against a real SMTP server started here: an admin points the instance at it
 * through PATCH /api/admin/settings; an owner invites someone from the members page; the email
 * arrives, the invitee opens its link, registers and lands in the workspace. Then an admin makes a
 * password reset link for a user, who opens it, sets a new password and logs in with it; and
 * someone registering through the copied (not emailed) link confirms the address by email first.
 * Screenshots of the new screens at 1280 and 390 px.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InvitePage } from '../pages/InvitePage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { MembersPage } from '../pages/MembersPage.js';
import { RegisterPage } from '../pages/RegisterPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { ApiSession } from '../support/api-session.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { launchBrowser } from '../support/browser.js';
import { linkIn, startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const ACTION_TIMEOUT_MS = 15_000;
const run = randomBytes(4).toString('hex');
const admin = { displayName: 'Ada Admin', email: `admin-${run}@example.test`, password: 'correct horse battery' };

let app: RunningApp | undefined;
let browser: Browser | undefined;
let sink: SmtpSink | undefined;
let adminSession: ApiSession | undefined;
const contexts: BrowserContext[] = [];

async function newContext(): Promise<BrowserContext> {
  if (!app || !browser) throw new Error('the app and browser start in before()');
  const context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  contexts.push(context);
  return context;
}

/** Screenshots at desktop and phone width, then back to desktop. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const shot = await saveScreenshot(page, `${name}-${String(width)}`, { fullPage: true });
    assert.ok(shot.distinctColours > 4, `${name} at ${String(width)} px is not blank`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

before(async () => {
  sink = await startSmtpSink();
  app = await startApp({ env: { ADMIN_EMAIL: admin.email } });
  browser = await launchBrowser();
  adminSession = new ApiSession(app.baseUrl);
  await adminSession.register(admin.email, admin.displayName, admin.password);
  await adminSession.request('PATCH', '/admin/settings', { smtpUrl: sink.url, mailFrom: 'Marginalia <noreply@example.test>' });
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
  await sink?.close();
});

void test('an emailed invitation brings a new colleague into the workspace', async (t) => {
  if (!app || !sink) throw new Error('started in before()');
  const owner = new ApiSession(app.baseUrl);
  const ownerEmail = `owner-${run}@example.test`;
  await owner.register(ownerEmail, 'Olga Owner', 'staple paper lantern');
  const workspaceName = `Letters ${run}`;
  const workspaceId = await owner.createWorkspace(workspaceName);
  const invitee = { displayName: 'Ivo Invitee', email: `ivo-${run}@example.test`, password: 'a lantern of paper' };

  const ownerContext = await newContext();
  await owner.shareWith(ownerContext);
  const ownerPage = await ownerContext.newPage();
  const inviteePage = await (await newContext()).newPage();
  try {
    await ownerPage.goto(`/w/${workspaceId}/members`);
    const members = new MembersPage(ownerPage);
    await members.invite(invitee.email, 'editor');
    await ownerPage.getByRole('status').filter({ hasText: 'Invitation emailed' }).waitFor();
    const shownLink = await members.inviteLink();

    // Bulk invite, with one bad line, for the report's screenshot.
    await ownerPage.getByLabel('People to invite').fill(`mia-${run}@example.test commenter\nnot-an-email\nleo-${run}@example.test`);
    await ownerPage.getByText('1 of 3 lines will be skipped').waitFor();
    await ownerPage.getByRole('button', { name: 'Invite 2 people' }).click();
    await ownerPage.getByText('2 invited, 1 skipped').waitFor();
    await ownerPage.getByRole('button', { name: `Resend invite to leo-${run}@example.test` }).waitFor();
    await screenshots(ownerPage, 'email-members');

    const email = await sink.waitFor((message) => message.to.includes(invitee.email), 20_000);
    assert.equal(email.subject, `Olga Owner invited you to ${workspaceName} on Marginalia`);
    const mailedLink = linkIn(email, `${app.baseUrl}/invites/`);
    assert.notEqual(mailedLink, shownLink, 'the emailed link is not the one shown to the inviter');

    const invite = new InvitePage(inviteePage);
    await invite.goto(mailedLink);
    await invite.summary(workspaceName).waitFor();
    await invite.startRegistration();
    const register = new RegisterPage(inviteePage);
    await register.waitUntilShown();
    assert.equal(await register.emailValue(), invitee.email);
    await register.register(invitee);
    await inviteePage.waitForURL((url) => url.pathname === new URL(mailedLink).pathname);
    assert.equal(await invite.accept(), workspaceId, 'the invitee lands in the workspace');
    await new WorkspaceShell(inviteePage).nameInHeader(workspaceName).waitFor();

    await inviteePage.goto('/account');
    await inviteePage.getByRole('group', { name: 'Email me when someone mentions me' }).waitFor();
    await inviteePage.getByRole('radio', { name: /Daily digest/ }).check();
    await screenshots(inviteePage, 'email-account-preferences');
  } catch (error) {
    await saveFailureArtifacts(t.name, { owner: ownerPage, invitee: inviteePage }, app.log());
    throw error;
  }
});

void test('an admin hands over a password reset link; the user sets a new password and logs in with it', async (t) => {
  if (!app || !adminSession) throw new Error('started in before()');
  const user = { displayName: 'Fern Forgetful', email: `fern-${run}@example.test` };
  await new ApiSession(app.baseUrl).register(user.email, user.displayName, 'the old forgotten one');
  const adminContext = await newContext();
  await adminSession.shareWith(adminContext);
  const adminPage = await adminContext.newPage();
  const userPage = await (await newContext()).newPage();
  try {
    await adminPage.goto('/admin/email');
    await adminPage.getByRole('heading', { name: 'Email and invitations' }).waitFor();
    await adminPage.getByRole('button', { name: 'Send a test email' }).click();
    await adminPage.getByText('Test email sent').waitFor();
    await adminPage.getByRole('table').filter({ hasText: 'invited you to Letters' }).first().waitFor();
    await screenshots(adminPage, 'email-admin');
    await adminPage.getByRole('button', { name: 'Invite to this instance' }).click();
    await adminPage.getByRole('dialog').getByLabel('Email').fill(`newcomer-${run}@example.test`);
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Invite' }).click();
    await adminPage.getByRole('dialog').getByText('Invitation emailed').waitFor();
    await screenshots(adminPage, 'email-instance-invite');
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    await adminPage.goto('/admin/users');
    await adminPage.getByRole('button', { name: `Password reset link for ${user.email}` }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const field = dialog.getByLabel('Password reset link');
    await field.waitFor();
    const link = await field.inputValue();
    assert.match(link, /\/reset-password\/[^/]+$/);
    await screenshots(adminPage, 'email-reset-link');

    await userPage.goto(link);
    await userPage.getByText(`For ${user.email}.`).waitFor();
    await screenshots(userPage, 'email-reset-password');
    await userPage.getByLabel('New password').fill('short');
    await userPage.getByRole('button', { name: 'Set password and log in' }).click();
    await userPage.getByText(/at least 10 characters/).first().waitFor();
    await userPage.getByLabel('New password').fill('a fresh remembered phrase');
    await userPage.getByRole('button', { name: 'Set password and log in' }).click();
    await userPage.waitForURL('**/workspaces');

    // The link worked once; the new password opens a fresh browser.
    const again = await (await newContext()).newPage();
    await again.goto(link);
    await again.getByText('this password reset link has already been used', { exact: false }).waitFor();
    const login = new LoginPage(again);
    await login.goto();
    await login.logIn(user.email, 'a fresh remembered phrase');

    const forgot = await (await newContext()).newPage();
    await forgot.goto('/forgot-password');
    await forgot.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await forgot.getByLabel('Email').waitFor();
    await screenshots(forgot, 'email-forgot-password');
  } catch (error) {
    await saveFailureArtifacts(t.name, { admin: adminPage, user: userPage }, app.log());
    throw error;
  }
});

void test('registering through the copied link asks to confirm the address by email, then joins', async (t) => {
  if (!app || !sink) throw new Error('started in before()');
  const owner = new ApiSession(app.baseUrl);
  await owner.register(`owner2-${run}@example.test`, 'Otto Owner', 'staple paper lantern');
  const workspaceName = `Diaries ${run}`;
  const workspaceId = await owner.createWorkspace(workspaceName);
  const person = { displayName: 'Cleo Copied', email: `cleo-${run}@example.test`, password: 'a lantern of paper' };
  const added = await owner.request<{ inviteUrl: string }>('POST', `/workspaces/${workspaceId}/members`, { email: person.email, role: 'editor' });
  const page = await (await newContext()).newPage();
  try {
    const invite = new InvitePage(page);
    await invite.goto(added.inviteUrl);
    await invite.summary(workspaceName).waitFor();
    await invite.startRegistration();
    const register = new RegisterPage(page);
    await register.waitUntilShown();
    await register.register(person);
    await page.waitForURL((url) => url.pathname === new URL(added.inviteUrl).pathname);
    await page.getByRole('button', { name: 'Accept invite' }).click();
    await page.getByText('Check your inbox').waitFor();
    await screenshots(page, 'email-check-inbox');

    const confirmation = await sink.waitFor((message) => message.to.includes(person.email) && message.subject === 'Confirm your email address for Marginalia', 20_000);
    await page.goto(linkIn(confirmation, `${app.baseUrl}/verify-email/`));
    await page.getByText('Your address is confirmed and you have joined the workspace.').waitFor();
    await screenshots(page, 'email-verified');
    await page.getByRole('link', { name: 'Open the workspace' }).click();
    await new WorkspaceShell(page).nameInHeader(workspaceName).waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, { person: page }, app.log());
    throw error;
  }
});
