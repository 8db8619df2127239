/**
 * Tagging in the reader, as an analyst does it: text selected with the keyboard (s, sentence by
 * sentence) and with the mouse, tagged through the tag picker (t), painted in the tag's colour
 * for the analyst and, live, for a colleague reading the same article; Ctrl+Z undoes it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CorpusPage } from '../pages/CorpusPage.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const LIVE_TIMEOUT_MS = 5_000;
const ARTICLE = /Analysis: Ministry/;

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

async function readerOf(email: string): Promise<{ page: Page; reader: ReaderPage }> {
  const page = await suite.newPage();
  await openDemoWorkspace(page, email);
  await new WorkspaceShell(page).openSection('Corpus');
  const corpus = new CorpusPage(page);
  await corpus.waitUntilShown();
  const title = (await corpus.titles()).find((candidate) => ARTICLE.test(candidate));
  assert.ok(title, 'the demo article is listed');
  await corpus.openDocument(title);
  const reader = new ReaderPage(page);
  await reader.waitUntilShown();
  return { page, reader };
}

/** Texts painted by any tag colour. */
async function taggedTexts(reader: ReaderPage): Promise<string[]> {
  const colours = ['orange', 'sky', 'green', 'yellow', 'blue', 'vermillion', 'purple', 'grey'];
  return (await Promise.all(colours.map((colour) => reader.paintedTexts(`tag-${colour}`)))).flat();
}

async function tagSelection(page: Page, tagName: string, filter: string): Promise<void> {
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tag the selection' });
  await picker.getByRole('searchbox', { name: 'Find a tag' }).fill(filter);
  await picker.getByRole('option', { name: new RegExp(tagName) }).first().waitFor();
  await page.keyboard.press('Enter');
  await picker.getByRole('row', { name: tagName }).waitFor();
  await page.keyboard.press('Control+Enter');
  await picker.waitFor({ state: 'hidden' });
}

void test('an analyst tags a sentence chosen by keyboard and a span chosen by mouse; a colleague sees them live; Ctrl+Z undoes', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page: colleaguePage, reader: colleague } = await readerOf('mei@demo.marginalia.test');
    pages.colleague = colleaguePage;
    const { page, reader } = await readerOf('tomas@demo.marginalia.test');
    pages.analyst = page;
    // The demo coding is already painted.
    await page.waitForFunction(() => [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>).keys()].some((name) => name.startsWith('tag-')));

    // Keyboard: go to passage 3, select its first sentence with s, tag it.
    await reader.passage(1).focus();
    await reader.press('j');
    await reader.press('j');
    await reader.waitForFocusedPassage(3);
    await reader.press('s');
    // The reader has taken the selection in once its toolbar shows; t acts on that.
    await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Tag…' }).waitFor();
    const sentence = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    assert.ok(sentence.length > 10, `a sentence is selected: “${sentence}”`);
    await tagSelection(page, 'Social control', 'social contr');
    const needle = sentence.slice(0, 40);
    await waitForTagged(reader, needle);
    await waitForTagged(colleague, needle, LIVE_TIMEOUT_MS);
    await saveScreenshot(page, 'reader-tagging-1366');

    // Mouse: drag across words of passage 5.
    const target = reader.passage(5).locator('.passage__text');
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    assert.ok(box, 'passage 5 is on screen');
    await page.mouse.move(box.x + 4, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 4, 260), box.y + 8, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Tag…' }).waitFor();
    const dragged = (await page.evaluate(() => document.getSelection()?.toString() ?? '')).trim();
    assert.ok(dragged.length > 3, `words are selected: “${dragged}”`);
    await tagSelection(page, 'Social control', 'social contr');
    await waitForTagged(reader, dragged.slice(0, 20));
    await waitForTagged(colleague, dragged.slice(0, 20), LIVE_TIMEOUT_MS);

    // Ctrl+Z takes the last one back, for the colleague too.
    await reader.passage(5).focus();
    await page.keyboard.press('Control+z');
    await waitUntilNotTagged(reader, dragged.slice(0, 20));
    await waitUntilNotTagged(colleague, dragged.slice(0, 20), LIVE_TIMEOUT_MS);
    assert.ok((await taggedTexts(reader)).some((text) => text.includes(needle)), 'the first tagging stays');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

async function waitForTagged(reader: ReaderPage, text: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await taggedTexts(reader)).some((painted) => painted.includes(text) || text.includes(painted.trim()))) {
    if (Date.now() > deadline) throw new Error(`“${text}” was not painted as tagged`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitUntilNotTagged(reader: ReaderPage, text: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await taggedTexts(reader)).some((painted) => painted.includes(text))) {
    if (Date.now() > deadline) throw new Error(`“${text}” is still painted as tagged`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
