/**
 * Defects found by trying the product, on the seeded demo workspace in Chromium: attribution
 * chips that say which words they are about, an import that refused every file, an address
 * shown as typed, a signed-out page load without errors, the notebook's title, phone and laptop
 * layouts, one-key shortcuts turned off, and the selection toolbar reached with the keyboard.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CorpusPage } from '../pages/CorpusPage.js';
import { ImportPage } from '../pages/ImportPage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { MembersPage } from '../pages/MembersPage.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const ANALYSIS = 'Analysis: Ministry of National Security makes high-profile appearance, revealing the crisis of the Chinese Communist Party';

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

/** The demo workspace's id, from the URL once it is open. */
function workspaceIdOf(url: string): string {
  return new URL(url).pathname.split('/')[2] ?? '';
}

/** Mei, signed in, reading the analysis article of the demo workspace. */
async function openAnalysisAsMei(page: Page): Promise<ReaderPage> {
  await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
  const corpus = new CorpusPage(page);
  await corpus.waitUntilShown();
  await corpus.openDocument(ANALYSIS);
  const reader = new ReaderPage(page);
  await reader.waitUntilShown();
  return reader;
}

void test('reader: attribution chips, shortcuts turned off, the selection toolbar by keyboard', async (t) => {
  const page = await suite.newPage();
  try {
    const reader = await openAnalysisAsMei(page);
    const documentUrl = new URL(page.url());

    // Passage 21 has two attributions to Shen Mingshi: each names the words it covers.
    documentUrl.search = '?p=21';
    await page.goto(documentUrl.toString());
    await reader.waitForFocusedPassage(21);
    const removers = reader.passage(21).getByRole('button', { name: /^Remove attribution to Shen Mingshi/ });
    await removers.first().waitFor();
    const names = await removers.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    assert.equal(names.length, 2, 'two attributions to Shen Mingshi in passage 21');
    assert.notEqual(names[0], names[1], `their names differ: ${names.join(' | ')}`);

    // The selection toolbar: Tab reaches it, arrows move in it, Escape leaves it.
    await reader.passage(21).locator('.passage__text').evaluate((text) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
    await toolbar.waitFor();
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Copy link to selection');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Attribute to actor…');
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'detached' });
    await reader.waitForFocusedPassage(21);

    // One-key shortcuts off (Account): j does nothing; the arrow key after it moves one passage.
    await page.goto('/account');
    const preference = page.getByRole('checkbox', { name: /One-key shortcuts/ });
    await preference.uncheck();
    documentUrl.search = '?p=3';
    await page.goto(documentUrl.toString());
    await reader.waitForFocusedPassage(3);
    await reader.press('j');
    await reader.press('ArrowDown');
    await reader.waitForFocusedPassage(4);
    await page.waitForURL(/[?&]p=4\b/);
    await page.goto('/account');
    await preference.check();
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, suite.log());
    throw error;
  }
});

void test('a document opened by its address: the session, workspace and document are asked for once each, and it reads', async (t) => {
  const page = await suite.newPage();
  try {
    await openAnalysisAsMei(page);
    const documentUrl = new URL(page.url());
    const [, , workspaceId, , documentId] = documentUrl.pathname.split('/');

    // A cold load of the address: public/early-requests.js asks before the app's code has run,
    // and the app must take those answers instead of asking a second time.
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
    });
    const threadsAnswered = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/workspaces/${workspaceId}/threads`);
    await page.goto(documentUrl.toString());
    const reader = new ReaderPage(page);
    await reader.waitUntilShown();
    await reader.passage(1).waitFor();
    // The reader's discussion layer asks for its threads after the document has rendered: once
    // it has its answer, any second request for the early ones would have been made.
    await threadsAnswered;
    for (const path of ['/api/auth/session', `/api/workspaces/${workspaceId}`, `/api/workspaces/${workspaceId}/documents/${documentId}`]) {
      assert.equal(asked.filter((request) => request === path).length, 1, `${path} asked once: ${asked.join(', ')}`);
    }
    // ...and those single requests were the early ones, each taken by the app (none left over).
    const leftOver = await page.evaluate(() => {
      const started = (window as unknown as { __marginaliaEarlyRequests?: Map<string, unknown> }).__marginaliaEarlyRequests;
      return started ? [...started.keys()] : null;
    });
    assert.deepEqual(leftOver, [], 'the early requests were started and every one was used');

    // Signed out, the same address asks early too and gets 401s; signing in within seconds
    // must not reuse them: the reader opens on the document.
    const anonymous = await suite.newPage();
    await anonymous.goto(documentUrl.toString());
    await anonymous.getByRole('heading', { name: 'Log in to Marginalia' }).waitFor();
    await anonymous.getByLabel('Email', { exact: true }).fill(DEMO_ACCOUNTS.mei.email);
    await anonymous.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await anonymous.getByRole('button', { name: 'Log in' }).click();
    const signedIn = new ReaderPage(anonymous);
    await signedIn.waitUntilShown();
    await signedIn.passage(1).waitFor();
    assert.equal(new URL(anonymous.url()).pathname, documentUrl.pathname, 'back on the document after signing in');
  } catch (error) {
    await saveFailureArtifacts(t.name, { mei: page }, suite.log());
    throw error;
  }
});

void test('an import that refused every file reads as failed and names each file once', async (t) => {
  const page = await suite.newPage();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'marginalia-e2e-refused-'));
  try {
    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
    const imports = new ImportPage(page);
    await imports.goto(workspaceIdOf(page.url()));
    const files = ['figure.png', 'chart.png'].map((name) => path.join(scratch, name));
    for (const file of files) await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await imports.uploadFiles(files);
    await imports.waitForLatestJobToFinish();
    await page.locator('.import-jobs > li').first().getByText('Failed', { exact: true }).waitFor();
    for (const name of ['figure.png', 'chart.png']) {
      const row = imports.fileRow(name);
      const text = (await row.textContent()) ?? '';
      assert.equal(text.split(name).length - 1, 1, `"${name}" appears once in its row: ${text}`);
    }
  } catch (error) {
    await saveFailureArtifacts(t.name, { importer: page }, suite.log());
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});

void test('signed out: no 401 in the console nor a warning on the server; the notebook names itself', async (t) => {
  const page = await suite.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  try {
    await new LoginPage(page).goto();
    // The form shows once the client knows nobody is signed in: the server has answered by then.
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.equal(problems.length, 0, `nothing logged in the console: ${problems.join(' | ')}`);
    const log = suite.log();
    assert.ok(!/unauthenticated GET \/api\/auth\//.test(log), 'no warning about the signed-out load on the server');

    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
    const notebookUrl = `/w/${workspaceIdOf(page.url())}/notebook`;
    problems.length = 0;
    await page.goto(notebookUrl);
    await page.getByRole('heading', { name: 'Notebook', level: 1 }).waitFor();
    await page.waitForFunction(() => document.title === 'Notebook · Marginalia');
    assert.deepEqual(
      problems.filter((text) => text.includes('HydrateFallback')),
      [],
      'no HydrateFallback warning',
    );
  } catch (error) {
    await saveFailureArtifacts(t.name, { anonymous: page }, suite.log());
    throw error;
  }
});

void test('members and account at 1366 and 390 px: addresses as typed, tables that fit, sections reachable', async (t) => {
  const page = await suite.newPage();
  const otherDevice = await suite.newPage();
  try {
    await openDemoWorkspace(otherDevice, DEMO_ACCOUNTS.mei.email);
    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
    const workspaceId = workspaceIdOf(page.url());

    // Inviting an existing member: the address in the message is as typed.
    await page.setViewportSize({ width: 1366, height: 900 });
    await new WorkspaceShell(page).openSection('Members');
    await new MembersPage(page).invite(DEMO_ACCOUNTS.tomas.email, 'editor');
    await page.getByText(`${DEMO_ACCOUNTS.tomas.email} is already a member`).waitFor();

    // Sessions: two devices, one with a Log out button, inside the card.
    await page.goto('/account');
    await page.getByRole('button', { name: /^Log out Chrome/ }).first().waitFor();
    const sessions = page.getByRole('table', { name: 'Active sessions' });
    const overflow = await sessions.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    assert.ok(overflow <= 0, `the sessions table fits its card at 1366 px (overflow ${String(overflow)} px)`);
    await saveScreenshot(page, 'account-1366');

    // A phone: emails wrap at sensible places, the sections strip says there is more.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/${workspaceId}/members`);
    const email = page.getByRole('cell', { name: DEMO_ACCOUNTS.tomas.email });
    await email.waitFor();
    const lines = await email.evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    });
    assert.ok(lines <= 2, `Tomás's address takes ${String(lines)} lines at 390 px`);
    await saveScreenshot(page, 'members-390');
    const strip = page.locator('.workspace-nav');
    assert.equal(await strip.getAttribute('data-more-start'), '', 'Members is scrolled into view: sections hidden before it are hinted');
    const settings = page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings', exact: true });
    await settings.click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    // The reader on a phone offers no keyboard shortcuts button.
    await page.goto(`/w/${workspaceId}/corpus`);
    const corpus = new CorpusPage(page);
    await corpus.waitUntilShown();
    await corpus.openDocument(ANALYSIS);
    await new ReaderPage(page).waitUntilShown();
    await new ReaderPage(page).copyPassageLinkButton().first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Keyboard shortcuts' }).isVisible(), false, 'no shortcuts button on a phone');
    await saveScreenshot(page, 'reader-390');
  } catch (error) {
    await saveFailureArtifacts(t.name, { member: page }, suite.log());
    throw error;
  }
});

void test('the audit log names live invites, reads "from" before "to", and lists corpus changes', async (t) => {
  const page = await suite.newPage();
  try {
    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
    const shell = new WorkspaceShell(page);
    await shell.openSection('Members');
    const members = new MembersPage(page);
    await members.invite(`new-analyst-${String(Date.now())}@example.test`, 'viewer');
    await members.inviteLink();
    await page.getByRole('combobox', { name: `Role of ${DEMO_ACCOUNTS.priya.name}` }).selectOption('viewer');
    await page.getByRole('combobox', { name: `Role of ${DEMO_ACCOUNTS.priya.name}` }).selectOption('commenter');

    await shell.openSection('Settings');
    const log = page.getByRole('table', { name: 'Audit log' });
    const invite = log.getByRole('row').filter({ hasText: 'Created an invite' }).first();
    await invite.waitFor();
    assert.ok(!/former member/.test((await invite.textContent()) ?? ''), 'a live invite is not called a former member');
    const roleChange = log.getByRole('row').filter({ hasText: 'Changed a role' }).first();
    const facts = await roleChange.getByRole('listitem').allTextContents();
    const from = facts.findIndex((fact) => fact.startsWith('from:'));
    const to = facts.findIndex((fact) => fact.startsWith('to:'));
    assert.ok(from >= 0 && to > from, `"from" comes before "to": ${facts.join(' | ')}`);
    // The demo's seeded attributions were made by the owner: the log has them.
    await log.getByRole('row').filter({ hasText: 'Attributed text to an actor' }).first().waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, { admin: page }, suite.log());
    throw error;
  }
});
