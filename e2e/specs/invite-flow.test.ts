/**
 * Two people, two browser contexts: Alice creates a workspace and invites Bob's email before
 * Bob has an account; Bob follows the link, registers from it, accepts, and lands in the
 * workspace; Alice then sees Bob among the members. An invite of someone who already has an
 * account reads exactly like one of a stranger; she finds it in the app and accepts or declines.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InvitePage } from '../pages/InvitePage.js';
import { MembersPage } from '../pages/MembersPage.js';
import { RegisterPage } from '../pages/RegisterPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { WorkspacesPage } from '../pages/WorkspacesPage.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { launchBrowser } from '../support/browser.js';

const ACTION_TIMEOUT_MS = 15_000;

let app: RunningApp | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  if (!app || !browser) throw new Error('the app and browser start in before()');
  const context = await browser.newContext({ baseURL: app.baseUrl });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  contexts.push(context);
  return await context.newPage();
}

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

// node:test tracks the returned promise itself.
void test('an invite link brings a new colleague into the workspace', async (t) => {
  const run = randomBytes(4).toString('hex');
  const alice = { displayName: 'Alice Archivist', email: `alice-${run}@example.test`, password: 'correct horse battery' };
  const bob = { displayName: 'Bob Bibliographer', email: `bob-${run}@example.test`, password: 'staple paper lantern' };
  const workspaceName = `Letters of 1848 ${run}`;

  const alicePage = await newPage();
  const bobPage = await newPage();

  try {
    // Alice registers, creates a workspace and invites Bob, who has no account yet.
    const aliceRegister = new RegisterPage(alicePage);
    await aliceRegister.goto();
    await aliceRegister.register(alice);
    const aliceWorkspaces = new WorkspacesPage(alicePage);
    await aliceWorkspaces.waitUntilShown();
    const workspaceId = await aliceWorkspaces.createWorkspace(workspaceName, 'Correspondence about the revolutions.');
    const aliceShell = new WorkspaceShell(alicePage);
    await aliceShell.nameInHeader(workspaceName).waitFor();
    await aliceShell.openSection('Members');
    const aliceMembers = new MembersPage(alicePage);
    await aliceMembers.invite(bob.email, 'editor');
    const inviteUrl = await aliceMembers.inviteLink();
    assert.match(inviteUrl, /\/invites\/[^/]+$/, 'the invite link points at /invites/:token');

    // Bob opens the link, registers from it and comes back to accept.
    const bobInvite = new InvitePage(bobPage);
    await bobInvite.goto(inviteUrl);
    await bobInvite.summary(workspaceName).waitFor();
    await bobPage.getByText('This link lets in whoever holds it').waitFor();
    await bobInvite.startRegistration();
    const bobRegister = new RegisterPage(bobPage);
    await bobRegister.waitUntilShown();
    assert.equal(await bobRegister.emailValue(), bob.email, 'the invited email is filled in');
    await bobRegister.register(bob);
    await bobPage.waitForURL((url) => url.pathname === new URL(inviteUrl).pathname);
    const joinedId = await bobInvite.accept();
    assert.equal(joinedId, workspaceId, 'accepting opens the workspace Bob was invited to');

    // Bob sees the workspace in his list and opens it.
    const bobWorkspaces = new WorkspacesPage(bobPage);
    await bobWorkspaces.goto();
    await bobWorkspaces.workspaceLink(workspaceName).waitFor();
    await bobWorkspaces.openWorkspace(workspaceName);
    await new WorkspaceShell(bobPage).nameInHeader(workspaceName).waitFor();

    // Alice reloads the members page and finds Bob there as an editor.
    await alicePage.reload();
    await aliceMembers.memberRow(bob.displayName).waitFor();
    assert.equal(await aliceMembers.roleOf(bob.displayName), 'editor');
  } catch (error) {
    await saveFailureArtifacts(t.name, { alice: alicePage, bob: bobPage }, app?.log() ?? '');
    throw error;
  }
});

void test('someone who already has an account is invited, not added: they accept or decline in the app', async (t) => {
  const run = randomBytes(4).toString('hex');
  const dana = { displayName: 'Dana Diarist', email: `dana-${run}@example.test`, password: 'correct horse battery' };
  const carol = { displayName: 'Carol Cartographer', email: `carol-${run}@example.test`, password: 'staple paper lantern' };
  const stranger = `nobody-${run}@example.test`;
  const accepted = `Maps of 1848 ${run}`;
  const declined = `Spam ${run}`;
  const danaPage = await newPage();
  const carolPage = await newPage();
  try {
    const carolRegister = new RegisterPage(carolPage);
    await carolRegister.goto();
    await carolRegister.register(carol);
    await new WorkspacesPage(carolPage).waitUntilShown();

    const danaRegister = new RegisterPage(danaPage);
    await danaRegister.goto();
    await danaRegister.register(dana);
    const danaWorkspaces = new WorkspacesPage(danaPage);
    await danaWorkspaces.waitUntilShown();
    const danaShell = new WorkspaceShell(danaPage);
    const members = new MembersPage(danaPage);
    /** Invites `email` and returns what Dana is told, with the email and the link's token blanked. */
    const invite = async (email: string): Promise<string> => {
      await members.invite(email, 'editor');
      const outcome = danaPage.getByRole('status').filter({ hasText: 'Invitation created' }).filter({ hasText: email });
      await outcome.waitFor();
      const link = await members.inviteLink();
      return (await outcome.innerText()).replace(email, '<email>').replace(link, '<link>');
    };
    await danaWorkspaces.createWorkspace(accepted, 'Invitations');
    await danaShell.openSection('Members');
    await invite(carol.email);
    await danaWorkspaces.goto();
    await danaWorkspaces.createWorkspace(declined, 'Invitations');
    await danaShell.openSection('Members');
    const toAccount = await invite(carol.email);
    const toStranger = await invite(stranger);
    assert.equal(toAccount, toStranger, 'inviting an account reads exactly like inviting a stranger');

    const carolWorkspaces = new WorkspacesPage(carolPage);
    await carolWorkspaces.goto();
    await carolWorkspaces.invitation(accepted).waitFor();
    await carolWorkspaces.invitation(declined).waitFor();
    await saveScreenshot(carolPage, 'invitations-1366');
    await carolPage.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(carolPage, 'invitations-390');
    await carolPage.setViewportSize({ width: 1366, height: 900 });
    await carolWorkspaces.answerInvitation(declined, 'Decline');
    await carolWorkspaces.invitation(declined).waitFor({ state: 'detached' });
    await carolWorkspaces.answerInvitation(accepted, 'Accept');
    // Accepting joins: the workspace opens, or (when the list refreshed first) is listed among hers.
    await Promise.any([new WorkspaceShell(carolPage).nameInHeader(accepted).waitFor(), carolWorkspaces.workspaceLink(accepted).waitFor()]);
    await carolWorkspaces.goto();
    await carolWorkspaces.workspaceLink(accepted).waitFor();
    assert.equal(await carolWorkspaces.workspaceLink(declined).count(), 0, 'declining joins nothing');
  } catch (error) {
    await saveFailureArtifacts(t.name, { dana: danaPage, carol: carolPage }, app?.log() ?? '');
    throw error;
  }
});
