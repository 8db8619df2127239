/**
 * The reader with a long document (1,000 passages, about 500,000 characters), in Chromium: deep
 * links to the first, middle and last passage land exactly at the reading line with the outline
 * marking them; the page keeps its height while one scrolls through; Find lists every matching
 * passage, a page at a time; after Home the header offers the passage now being read; Ctrl+F
 * opens Find in this document. Timings are for `pnpm bench:reader`, not for tests.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ReaderPage } from '../pages/ReaderPage.js';
import { ApiSession } from '../support/api-session.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { saveFailureArtifacts } from '../support/artifacts.js';
import { launchBrowser } from '../support/browser.js';
import { FIND_MARKER, longDocument, type LongDocument } from '../support/long-document.js';
import { scrollFrames } from '../support/reader-probes.js';

const PASSAGES = 1_000;

let app: RunningApp;
let browser: Browser;
let session: ApiSession;
let readerUrl: string;
let report: LongDocument;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
  session = new ApiSession(app.baseUrl);
  await session.register(`long-${randomBytes(4).toString('hex')}@example.test`, 'Rosa Reader', 'paper lantern harbour');
  const workspaceId = await session.createWorkspace('Long reports');
  report = longDocument(PASSAGES, 500_000);
  const documentId = await session.pasteDocument(workspaceId, 'A long report', report.text);
  readerUrl = `${app.baseUrl}/w/${workspaceId}/corpus/${documentId}`;
});
after(async () => {
  await browser.close();
  await app.stop();
});

async function newReader(width = 1366, height = 900): Promise<{ page: Page; reader: ReaderPage }> {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(30_000);
  await session.shareWith(context);
  const page = await context.newPage();
  return { page, reader: new ReaderPage(page) };
}

void test('deep links to the first, middle and last passage land exactly, marked in the outline', async (t) => {
  const { page, reader } = await newReader();
  try {
    for (const number of [1, PASSAGES / 2, PASSAGES]) {
      await page.goto(`${readerUrl}?p=${String(number)}`);
      await reader.waitForFocusedPassage(number);
      await reader.waitForOutlineCurrent(number);
      assert.equal(await reader.landingError(number), 0, `passage ${String(number)} lands at the reading line`);
      await reader.copyPassageLinkButton().filter({ hasText: `passage ${String(number)}` }).waitFor();
    }
    // j moves on from the last link; k back; the URL follows.
    await page.goto(`${readerUrl}?p=${String(PASSAGES / 2)}`);
    await reader.waitForFocusedPassage(PASSAGES / 2);
    await reader.press('j');
    await reader.waitForFocusedPassage(PASSAGES / 2 + 1);
    await page.waitForURL(new RegExp(`[?&]p=${String(PASSAGES / 2 + 1)}\\b`));
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, app.log());
    throw error;
  } finally {
    await page.context().close();
  }
});

void test('the page keeps its height while one scrolls through the document', async (t) => {
  const { page, reader } = await newReader();
  try {
    await page.goto(readerUrl);
    await reader.waitUntilShown();
    // Through the whole document, a screen a frame: every passage's estimate gets replaced by its measured height.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const scroll = await page.evaluate(scrollFrames, { frames: Math.ceil(height / 800), step: 800 });
    const change = Math.abs(scroll.heightAfter - scroll.heightBefore);
    // Estimated heights are exact (passage-sizing.ts measures lines near the edge whole): not a pixel moves.
    assert.equal(change, 0, `the page height changed by ${String(change)} px of ${String(scroll.heightBefore)} while scrolling`);
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, app.log());
    throw error;
  } finally {
    await page.context().close();
  }
});

void test('Find lists every matching passage, a page at a time, in reading order', async (t) => {
  const { page, reader } = await newReader();
  try {
    await page.goto(readerUrl);
    await reader.waitUntilShown();
    // Ctrl+F opens the reader's own Find: the browser's cannot see passages not rendered.
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in this document' });
    await page.waitForFunction(() => document.activeElement?.id === 'reader-find-input');
    await input.fill(FIND_MARKER);
    await input.press('Enter');
    const expected = report.markerPassages;
    await page.getByRole('status').filter({ hasText: `${expected.length.toLocaleString('en')} matching passages.` }).waitFor();
    const listed: number[] = [];
    for (;;) {
      const numbers = await reader.findResults().locator('.outline__number').allTextContents();
      listed.push(...numbers.map(Number));
      const next = page.getByRole('button', { name: 'Next matches' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      await next.click();
      await reader.findResults().first().locator('.outline__number').filter({ hasNotText: new RegExp(`^${String(numbers[0])}$`) }).waitFor();
    }
    assert.deepEqual(listed, expected, 'every passage with the word is listed once, in order');
    // The first passages with the word are marked in the text, too.
    await page.waitForFunction((passage) => [...((CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('reader-hit') ?? [])].some((hit) => hit.startContainer.parentElement?.closest('[data-passage]')?.getAttribute('data-passage') === String(passage - 1)), expected[0]!);
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, app.log());
    throw error;
  } finally {
    await page.context().close();
  }
});

void test('j writes ?p= at once, and Find opened right after keeps that passage', async (t) => {
  const { page, reader } = await newReader();
  try {
    await page.goto(`${readerUrl}?p=1`);
    await reader.waitForFocusedPassage(1);
    for (let step = 0; step < 3; step += 1) await reader.press('j');
    await reader.waitForFocusedPassage(4);
    assert.equal(new URL(page.url()).searchParams.get('p'), '4', 'the address names passage 4 as soon as it has focus');
    // At once, before the router has heard of ?p=4: Find must keep it, not go back to passage 1.
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in this document' });
    await page.waitForFunction(() => document.activeElement?.id === 'reader-find-input');
    await input.fill(FIND_MARKER);
    await input.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('find') === FIND_MARKER);
    assert.equal(new URL(page.url()).searchParams.get('p'), '4', 'Find kept the passage in the address');
    // And the reader stayed on it: the router, hearing ?p=4 only now, moved nothing.
    await reader.copyPassageLinkButton().filter({ hasText: /passage 4$/ }).waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, app.log());
    throw error;
  } finally {
    await page.context().close();
  }
});

void test('after Home, the header offers a link to the passage now being read', async (t) => {
  const { page, reader } = await newReader();
  try {
    await page.goto(`${readerUrl}?p=700`);
    await reader.waitForFocusedPassage(700);
    await reader.copyPassageLinkButton().filter({ hasText: 'passage 700' }).waitFor();
    assert.equal(await reader.landingError(700), 0, 'passage 700 is where the link put it');
    await reader.press('Home');
    await reader.copyPassageLinkButton().filter({ hasText: /passage 1$/ }).waitFor();
    await reader.waitForOutlineCurrent(1);
  } catch (error) {
    await saveFailureArtifacts(t.name, { reader: page }, app.log());
    throw error;
  } finally {
    await page.context().close();
  }
});
