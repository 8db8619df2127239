/**
 * The workspace notebook, edited together in real time, in Chromium. On the seeded demo
 * workspace: Mei (owner) and Tomás (editor) open the notebook in two browser contexts; what one
 * types the other sees, with the writer's named cursor; the presence list says who is where;
 * Priya (commenter) reads it live but cannot type; the text survives a reload; edits made
 * offline are kept and arrive once the connection returns, even from a tab closed while
 * offline (IndexedDB keeps them for the next one); a logout asks before it deletes such edits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { NotebookPage } from '../pages/NotebookPage.js';
import { UserMenu } from '../pages/UserMenu.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const { mei: MEI, tomas: TOMAS, priya: PRIYA } = DEMO_ACCOUNTS;

const suite = new DemoSuite();

/** Logs in, opens the demo workspace and its notebook; the notebook has loaded when this returns. */
async function openNotebookAs(page: Page, email: string): Promise<NotebookPage> {
  await openDemoWorkspace(page, email);
  await new WorkspaceShell(page).openSection('Notebook');
  const notebook = new NotebookPage(page);
  await page.getByRole('group', { name: 'Notebook view' }).waitFor();
  return notebook;
}

/**
 * Tomás (in a browser context of his own, so that it can go offline) and Mei open the notebook;
 * Tomás goes offline and types `text`, which the status shows as unsaved and kept on this computer.
 */
async function typeWhileOffline(pages: Record<string, Page>, text: string) {
  const tomasContext = await suite.newContext();
  const tomas = (pages.tomas = await tomasContext.newPage());
  const mei = (pages.mei = await suite.newPage());
  const tomasNotebook = await openNotebookAs(tomas, TOMAS.email);
  const meiNotebook = await openNotebookAs(mei, MEI.email);
  const tomasShell = new WorkspaceShell(tomas);
  await tomasShell.waitForConnection('Saved');

  await tomasContext.setOffline(true);
  await tomasShell.waitForConnection('Offline');
  await tomasNotebook.typeAtEnd(text);
  // Only once every keystroke is in IndexedDB too is closing the tab safe; the status says when.
  await tomasShell.connectionStatus().filter({ hasText: /unsaved changes?, kept on this computer/ }).waitFor();
  return { tomasContext, tomas, tomasShell, meiNotebook };
}

/** Tomás closes the offline tab (only IndexedDB has its edits), comes back online and opens `path` in a new tab. */
async function closeTabAndReturn(pages: Record<string, Page>, { tomasContext, tomas }: { tomasContext: BrowserContext; tomas: Page }, path: string): Promise<Page> {
  await tomas.close();
  await tomasContext.setOffline(false);
  const tomasAgain = (pages.tomasAgain = await tomasContext.newPage());
  await tomasAgain.goto(path);
  return tomasAgain;
}

before(() => suite.start());
after(() => suite.stop());

void test('two editors write the notebook together; a commenter reads it live; it survives a reload', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    const tomas = (pages.tomas = await suite.newPage());
    const meiNotebook = await openNotebookAs(mei, MEI.email);
    const tomasNotebook = await openNotebookAs(tomas, TOMAS.email);
    assert.ok(await meiNotebook.isEditable(), 'the owner can edit');
    assert.ok(await tomasNotebook.isEditable(), 'an editor can edit');

    // Mei writes; Tomás sees the text and Mei's named cursor.
    await meiNotebook.typeAtEnd('# Field notes\n\nThe MSS campaign recruits citizens as informants.');
    await tomasNotebook.waitForText('The MSS campaign recruits citizens as informants.');
    await tomasNotebook.remoteCursor(MEI.name).waitFor();

    // And the other way round.
    await tomasNotebook.typeAtEnd('\n\n- Compare with the 2015 hotline.');
    await meiNotebook.waitForText('- Compare with the 2015 hotline.');
    await meiNotebook.remoteCursor(TOMAS.name).waitFor();

    // Both see each other in the workspace's presence list, on the notebook.
    const meiShell = new WorkspaceShell(mei);
    await meiShell.presentPerson(TOMAS.name).filter({ hasText: 'Notebook' }).waitFor();
    await new WorkspaceShell(tomas).presentPerson(MEI.name).filter({ hasText: 'Notebook' }).waitFor();

    // Stored, not just relayed: the indicator says so once the server acknowledged every edit.
    await meiShell.waitForConnection('Saved');
    await new WorkspaceShell(tomas).waitForConnection('Saved');
    const screenshot = await saveScreenshot(mei, 'notebook');
    assert.ok(screenshot.distinctColours > 16, `the notebook screenshot is not blank (${String(screenshot.distinctColours)} colours)`);

    // Priya, a commenter, reads the rendered notebook live but cannot type into it.
    const priya = (pages.priya = await suite.newPage());
    const priyaNotebook = await openNotebookAs(priya, PRIYA.email);
    await priyaNotebook.readOnlyNotice().waitFor();
    await priyaNotebook.rendered().getByRole('heading', { name: 'Field notes', level: 1 }).waitFor();
    await priyaNotebook.show('Source');
    await priyaNotebook.waitForText('Compare with the 2015 hotline.');
    assert.equal(await priyaNotebook.isEditable(), false, 'the editor is not editable for a commenter');
    const before = await priyaNotebook.editorText();
    await priyaNotebook.editor().click();
    await priya.keyboard.type('commenters cannot write here');
    assert.equal(await priyaNotebook.editorText(), before, 'typing changed nothing');
    // Live: what Mei types next reaches Priya.
    await meiNotebook.typeAtEnd('\n\nRead live by commenters.');
    await priyaNotebook.waitForText('Read live by commenters.');
    await meiShell.waitForConnection('Saved');

    // A reload loads the text from the server again.
    await mei.reload();
    await mei.getByRole('group', { name: 'Notebook view' }).waitFor();
    await meiNotebook.waitForText('The MSS campaign recruits citizens as informants.');
    const reloaded = await meiNotebook.editorText();
    assert.ok(reloaded.includes('- Compare with the 2015 hotline.') && reloaded.includes('Read live by commenters.'), `everything is still there:\n${reloaded}`);
    assert.ok(!reloaded.includes('commenters cannot write here'));
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('edits made offline are kept, shown as unsaved, and sent when the connection returns', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { tomasContext, tomasShell, meiNotebook } = await typeWhileOffline(pages, '\n\nWritten on the train, offline.');

    await tomasContext.setOffline(false);
    await tomasShell.waitForConnection('Saved');
    await meiNotebook.waitForText('Written on the train, offline.');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('edits made offline survive closing the tab, and the next tab sends them', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const offline = await typeWhileOffline(pages, '\n\nDrafted offline, then the tab was closed.');
    const tomasAgain = await closeTabAndReturn(pages, offline, offline.tomas.url());
    const { meiNotebook } = offline;
    const againNotebook = new NotebookPage(tomasAgain);
    await againNotebook.waitForText('Drafted offline, then the tab was closed.');
    await new WorkspaceShell(tomasAgain).waitForConnection('Saved');
    await meiNotebook.waitForText('Drafted offline, then the tab was closed.');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('a logout asks before it deletes edits that a tab closed offline left unsent', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const discarded = 'Second thoughts, never sent.';
    const offline = await typeWhileOffline(pages, `\n\n${discarded}`);
    // The notebook stays closed, so its edits stay in the outbox.
    const tomasAgain = await closeTabAndReturn(pages, offline, '/workspaces');
    const { meiNotebook } = offline;
    await tomasAgain.getByRole('heading', { name: 'Your workspaces' }).waitFor();
    const menu = new UserMenu(tomasAgain);

    await menu.chooseLogOut();
    const dialog = menu.discardDialog();
    await dialog.getByText('One document has edits that have not reached the server yet.').waitFor();
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.match(tomasAgain.url(), /\/workspaces$/, 'cancelling keeps the session');

    // Logging out of every session says so too.
    await tomasAgain.goto('/account');
    await tomasAgain.getByRole('button', { name: 'Log out everywhere' }).click();
    const everywhere = tomasAgain.getByRole('dialog', { name: 'Log out everywhere?' });
    await everywhere.getByText('One document has edits that have not reached the server yet.').waitFor();
    await everywhere.getByRole('button', { name: 'Cancel' }).click();
    await everywhere.waitFor({ state: 'hidden' });
    await tomasAgain.goto('/workspaces');
    await tomasAgain.getByRole('heading', { name: 'Your workspaces' }).waitFor();

    await menu.chooseLogOut();
    await dialog.getByRole('button', { name: 'Log out and discard' }).click();
    await tomasAgain.waitForURL('**/login');

    // Signed in again, nothing is restored: a line typed now reaches Mei, the discarded one never does.
    const tomasNotebook = await openNotebookAs(tomasAgain, TOMAS.email);
    await tomasNotebook.typeAtEnd('\n\nBack, with nothing left over.');
    await meiNotebook.waitForText('Back, with nothing left over.');
    assert.ok(!(await meiNotebook.editorText()).includes(discarded), 'the discarded edit was never sent');
    assert.ok(!(await tomasNotebook.editorText()).includes(discarded), 'the discarded edit is gone from this computer');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
