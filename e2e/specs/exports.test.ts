/**
 * The Exports page in Chromium on the seeded demo workspace: Mei picks the Markdown report,
 * leaves out two sections, downloads it (the browser's download event), and the file holds the
 * report of her workspace without those sections. Screenshots at desktop and phone widths.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DEMO_WORKSPACE, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const suite = new DemoSuite();

before(() => suite.start());
after(() => suite.stop());

void test('downloads the Markdown report with the chosen sections from the Exports page', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    await openDemoWorkspace(mei, DEMO_ACCOUNTS.mei.email);
    await new WorkspaceShell(mei).openSection('Exports');

    const formats = mei.getByRole('radiogroup', { name: 'Export format' });
    // React Aria's inputs are visually hidden: people click the visible label, and so does the test.
    await formats.getByText('Report (Markdown)', { exact: true }).click();
    assert.ok(await formats.getByRole('radio', { name: /Report \(Markdown\)/ }).isChecked());
    const sections = mei.getByRole('group', { name: 'Sections' });
    for (const name of ['Notebook', 'Open and resolved threads']) {
      await sections.getByText(name, { exact: true }).click();
      assert.equal(await sections.getByRole('checkbox', { name }).isChecked(), false, `${name} is left out`);
    }
    const wide = await saveScreenshot(mei, 'exports-1280', { fullPage: true });
    assert.ok(wide.distinctColours > 8, `the exports screenshot is not blank (${String(wide.distinctColours)} colours)`);

    const [download] = await Promise.all([mei.waitForEvent('download'), mei.getByRole('link', { name: 'Download Report (Markdown)' }).click()]);
    assert.match(download.suggestedFilename(), /^MSS-counter-espionage-mobilisation-\d{4}-\d\d-\d\d\.md$/);
    const report = await readFile((await download.path())!, 'utf8');
    assert.ok(report.startsWith(`# ${DEMO_WORKSPACE.replace('-', '\\-')}\n`), report.slice(0, 80));
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Corpus', '## Codebook', '## Coded passages', '## Agreement between analysts', '## Argument maps']);
    assert.match(report, /> — .+, passage \d+, coded by (Mei Lin|Tomás Ruiz|Aisha Bello)/);
    assert.match(report, /```mermaid\nflowchart BT/);

    const phoneContext = await suite.newContext({ viewport: { width: 390, height: 844 } });
    const phone = (pages.phone = await phoneContext.newPage());
    await openDemoWorkspace(phone, DEMO_ACCOUNTS.mei.email);
    const workspaceId = /\/w\/([^/]+)/.exec(phone.url())![1]!;
    await phone.goto(`/w/${workspaceId}/exports`);
    await phone.getByRole('heading', { name: 'Exports', level: 1 }).waitFor();
    const narrow = await saveScreenshot(phone, 'exports-390', { fullPage: true });
    assert.ok(narrow.distinctColours > 8, 'the phone screenshot is not blank');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${String(overflow)} px too wide)`);
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
