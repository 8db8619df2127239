/**
 * What one member changes shows up on the pages other members have open, without a reload or
 * polling: workspace events invalidate the matching queries, and `access` events flip a shared
 * document between read-only and editable. On the seeded demo workspace, in two browser contexts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NotebookPage } from '../pages/NotebookPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts } from '../support/artifacts.js';
import { DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

/** "Within a second" with room for a slow CI machine; polling every 30 s would not make it. */
const LIVE_TIMEOUT_MS = 5_000;

const suite = new DemoSuite();

async function signedInPage(email: string): Promise<Page> {
  const page = await suite.newPage();
  await openDemoWorkspace(page, email);
  return page;
}

before(() => suite.start());
after(() => suite.stop());

void test("a promotion makes the notebook editable on the promoted member's open page", async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const priya = (pages.priya = await signedInPage('priya@demo.marginalia.test'));
    await new WorkspaceShell(priya).openSection('Notebook');
    const notebook = new NotebookPage(priya);
    await notebook.readOnlyNotice().waitFor();
    await notebook.show('Source');
    assert.equal(await notebook.isEditable(), false);

    const mei = (pages.mei = await signedInPage('mei@demo.marginalia.test'));
    await new WorkspaceShell(mei).openSection('Members');
    await mei.getByRole('combobox', { name: 'Role of Priya Nair' }).selectOption('editor');

    await notebook.readOnlyNotice().waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await priya.waitForFunction(() => document.querySelector('.cm-content')?.getAttribute('contenteditable') === 'true', undefined, { timeout: LIVE_TIMEOUT_MS });
    await notebook.typeAtEnd('Promoted, and writing.');
    await new WorkspaceShell(priya).waitForConnection('Saved');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test("a renamed workspace is renamed on another member's open page", async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const tomas = (pages.tomas = await signedInPage('tomas@demo.marginalia.test'));
    const mei = (pages.mei = await signedInPage('mei@demo.marginalia.test'));
    await new WorkspaceShell(mei).openSection('Settings');
    const form = mei.getByRole('form', { name: 'Workspace details' });
    await form.getByLabel('Name', { exact: true }).fill('MSS mobilisation (2023–2025)');
    await form.getByRole('button', { name: 'Save details' }).click();

    await new WorkspaceShell(tomas).nameInHeader('MSS mobilisation (2023–2025)').waitFor({ timeout: LIVE_TIMEOUT_MS });
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
