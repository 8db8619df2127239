/**
 * The workspace settings page gathers the workspace-level settings of the other features: the
 * owner turns blind coding on there (and the codebook's own setting follows); a commenter reads
 * the same settings without controls. Checked at desktop (1280) and phone (390) widths.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WorkspaceSettingsPage } from '../pages/WorkspaceSettingsPage.js';
import { ApiSession } from '../support/api-session.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { launchBrowser } from '../support/browser.js';

const ACTION_TIMEOUT_MS = 15_000;

let app: RunningApp | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

async function pageFor(session: ApiSession, viewport: { width: number; height: number }): Promise<Page> {
  if (!app || !browser) throw new Error('the app and browser start in before()');
  const context = await browser.newContext({ baseURL: app.baseUrl, viewport });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  contexts.push(context);
  await session.shareWith(context);
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

void test('owners change workspace settings in one place; others read them', async (t) => {
  if (!app) throw new Error('the app starts in before()');
  const run = randomBytes(4).toString('hex');
  const owner = new ApiSession(app.baseUrl);
  await owner.register(`owner-${run}@example.test`, 'Olga Owner', 'correct horse battery');
  const workspaceId = await owner.createWorkspace(`Oral histories ${run}`);
  const commenter = new ApiSession(app.baseUrl);
  await commenter.register(`carl-${run}@example.test`, 'Carl Commenter', 'correct horse battery');
  const invite = await owner.request<{ inviteToken: string }>('POST', `/workspaces/${workspaceId}/members`, { email: `carl-${run}@example.test`, role: 'commenter' });
  await commenter.request('POST', `/invites/${invite.inviteToken}/accept`);

  const ownerPage = await pageFor(owner, { width: 1280, height: 900 });
  const commenterPage = await pageFor(commenter, { width: 390, height: 844 });
  try {
    const settings = new WorkspaceSettingsPage(ownerPage);
    await settings.goto(workspaceId);
    await settings.section('Details').getByLabel('Name').waitFor();
    await settings.section('Comments').getByText('Commenters and above').waitFor();
    const blind = settings.blindCodingSwitch();
    assert.equal(await blind.isChecked(), false);
    await settings.toggleBlindCoding();
    await ownerPage.getByRole('switch', { name: 'Blind coding', checked: true }).waitFor();
    await ownerPage.waitForFunction(
      async (id) => ((await (await fetch(`/api/workspaces/${id}/coding-settings`)).json()) as { blindCoding: boolean }).blindCoding,
      workspaceId,
    );
    await settings.section('Owner actions').getByRole('button', { name: 'Archive workspace' }).waitFor();
    await saveScreenshot(ownerPage, 'workspace-settings-owner-1280', { fullPage: true });

    const readOnly = new WorkspaceSettingsPage(commenterPage);
    await readOnly.goto(workspaceId);
    await commenterPage.getByText('You can read these settings; admins and owners of the workspace change them.').waitFor();
    await readOnly.section('Coding').getByText('On: each analyst sees only their own annotations').waitFor();
    assert.equal(await readOnly.section('Coding').getByRole('switch').count(), 0, 'no switches for a commenter');
    assert.equal(await readOnly.section('Owner actions').count(), 0, 'no owner actions for a commenter');
    await saveScreenshot(commenterPage, 'workspace-settings-commenter-390', { fullPage: true });
  } catch (error) {
    await saveFailureArtifacts(t.name, { ownerPage, commenterPage }, app.log());
    throw error;
  }
});
