/**
 * The corpus, end to end in Chromium. On the seeded demo workspace: the list (count, sorting,
 * a filter), the reader (passage numbers, a ?p= deep link that survives a reload, j/k), a
 * screenshot of the reader kept for review, and a search whose result opens the reader with
 * the matching span highlighted. Separately, a new workspace filled through the import page.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CorpusPage } from '../pages/CorpusPage.js';
import { ImportPage } from '../pages/ImportPage.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { RegisterPage } from '../pages/RegisterPage.js';
import { SearchPage } from '../pages/SearchPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { WorkspacesPage } from '../pages/WorkspacesPage.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';
import { REPO_ROOT } from '../support/paths.js';

const LONGEST_DEMO_TITLE = 'Analysis: Ministry of National Security makes high-profile appearance, revealing the crisis of the Chinese Communist Party';

const suite = new DemoSuite();

before(() => suite.start());
after(() => suite.stop());

void test('the demo corpus: list, reader deep links and keys, search into a highlighted span', async (t) => {
  const page = await suite.newPage();
  try {
    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);

    // The list: five documents, sortable by length, filterable by title.
    const corpus = new CorpusPage(page);
    await corpus.waitUntilShown();
    await corpus.status().filter({ hasText: '5 documents' }).waitFor();
    const byTitle = await corpus.titles();
    assert.equal(byTitle.length, 5);
    assert.deepEqual(byTitle, [...byTitle].sort((a, b) => a.localeCompare(b)), 'sorted by title by default');
    await corpus.sortBy('Length');
    await page.waitForURL(/sort=characterCount/);
    assert.equal((await corpus.titles())[0], LONGEST_DEMO_TITLE, 'longest first once sorted by length');
    await corpus.filterByTitle('spy');
    await corpus.status().filter({ hasText: '2 of 5 documents match' }).waitFor();
    await corpus.filterByTitle('');
    await corpus.status().filter({ hasText: /^5 documents$/ }).waitFor();

    // The reader: numbered passages.
    await corpus.openDocument(LONGEST_DEMO_TITLE);
    const reader = new ReaderPage(page);
    await reader.waitUntilShown();
    // The list is virtual: the passages on screen (and a few more) are rendered.
    const numbers = await reader.passageNumbers();
    assert.ok(numbers.length >= 5, `the first passages are shown (got ${String(numbers.length)})`);
    assert.deepEqual(
      numbers,
      numbers.map((_, index) => index + 1),
      'passages are numbered 1, 2, 3… in the margin',
    );
    assert.equal(await reader.outlineCurrent(), 1, 'the outline marks passage 1 as being read');

    // A deep link to passage 5 focuses it, also after a reload.
    const documentUrl = new URL(page.url());
    documentUrl.search = '?p=5';
    await page.goto(documentUrl.toString());
    await reader.waitForFocusedPassage(5);
    await page.reload();
    await reader.waitForFocusedPassage(5);
    assert.ok(await reader.isInView(reader.passage(5)), 'passage 5 is scrolled into view');
    // The outline marks the linked passage, not the one before it (passage 19 was shown as 18).
    for (const linked of [19, 25, 10]) {
      documentUrl.search = `?p=${String(linked)}`;
      await page.goto(documentUrl.toString());
      await reader.waitForFocusedPassage(linked);
      await reader.waitForOutlineCurrent(linked);
      assert.equal(await reader.landingError(linked), 0, `passage ${String(linked)} lands at the reading line`);
    }
    documentUrl.search = '?p=5';
    await page.goto(documentUrl.toString());
    await reader.waitForFocusedPassage(5);

    // Keyboard: j and k move between passages and keep the URL in step.
    await reader.press('j');
    await reader.waitForFocusedPassage(6);
    await page.waitForURL(/[?&]p=6\b/);
    await reader.press('k');
    await reader.waitForFocusedPassage(5);
    await page.waitForURL(/[?&]p=5\b/);

    const screenshot = await saveScreenshot(page, 'reader');
    assert.ok(screenshot.bytes > 20_000, `the reader screenshot has content (${String(screenshot.bytes)} bytes)`);
    assert.ok(screenshot.distinctColours > 16, `the reader screenshot is not blank (${String(screenshot.distinctColours)} colours)`);

    // Search, then follow a result into the reader: the matching span is highlighted and shown.
    await new WorkspaceShell(page).openSection('Search');
    const search = new SearchPage(page);
    // Only stop words: the page says they are ignored rather than suggesting fewer words.
    const explanation = await search.searchExpectingNothing('the', 'Only very common words');
    assert.match(explanation, /Search ignores words as common as “the”/);
    assert.doesNotMatch(explanation, /fewer/);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'search-stop-words-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await saveScreenshot(page, 'search-stop-words-1366');
    await search.search('"national security"');
    assert.ok((await search.results().count()) > 0, 'the phrase is found');
    const words = await search.highlightsOf(0);
    assert.ok(words.length > 0 && words.every((word) => /national|security/i.test(word)), `highlights are the phrase's words: ${words.join(', ')}`);
    const { title } = await search.openResult(0);
    await reader.title().filter({ hasText: title }).waitFor();
    await reader.waitForPainted('reader-target', /national\s+security/i);
    assert.ok(await reader.paintedInView('reader-target'), 'the highlighted span is scrolled into view');
    const focused = await reader.focusedPassageNumber();
    assert.ok(focused !== null && (await reader.paintedPassages('reader-target')).includes(focused), 'the passage with the span has focus');
    await page.reload();
    await reader.waitForPainted('reader-target', /national\s+security/i);
    assert.ok(await reader.paintedInView('reader-target'), 'the span is highlighted again after a reload');
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, suite.log());
    throw error;
  }
});

void test('a new workspace filled through the import page', async (t) => {
  const page = await suite.newPage();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'marginalia-e2e-import-'));
  try {
    const run = randomBytes(4).toString('hex');
    const register = new RegisterPage(page);
    await register.goto();
    await register.register({ displayName: 'Ines Importer', email: `ines-${run}@example.test`, password: 'paper lantern harbour' });
    const workspaces = new WorkspacesPage(page);
    await workspaces.waitUntilShown();
    await workspaces.createWorkspace(`Imported corpus ${run}`, 'Filled from files.');

    const corpus = new CorpusPage(page);
    await corpus.waitUntilShown();
    await page.getByText('No documents yet').waitFor();
    await corpus.openImport();

    const unsupported = path.join(scratch, 'figure.png');
    await writeFile(unsupported, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const imports = new ImportPage(page);
    await imports.uploadFiles([
      path.join(REPO_ROOT, 'seeds/corpus/001_5a428ee8846bec88.txt'),
      path.join(REPO_ROOT, 'seeds/corpus/004_fb33af21ea5125dd.txt'),
      unsupported,
    ]);
    await imports.waitForLatestJobToFinish();
    // Two documents in, one file refused: the job says so rather than "Finished".
    await page.locator('.import-jobs > li').first().getByText('Partly failed', { exact: true }).waitFor();
    await imports.fileRow('001_5a428ee8846bec88.txt').getByText('Imported').waitFor();
    await imports.fileRow('004_fb33af21ea5125dd.txt').getByText('Imported').waitFor();
    const refused = imports.fileRow('figure.png');
    await refused.getByText('Refused').waitFor();
    const reason = (await refused.locator('.import-files__reason').textContent()) ?? '';
    assert.ok(reason.trim().length > 0, 'a refused file says why');

    // The accepted file links to its document, which opens in the reader.
    await imports.fileRow('004_fb33af21ea5125dd.txt').getByRole('link').click();
    const reader = new ReaderPage(page);
    await reader.waitUntilShown();
    assert.ok((await reader.passages().count()) > 5, 'the imported article is split into passages');

    await new WorkspaceShell(page).openSection('Corpus');
    await corpus.status().filter({ hasText: /^2 documents$/ }).waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, { importer: page }, suite.log());
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
