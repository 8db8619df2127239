/**
 * Discussion in the reader, between two members on the same article of the demo workspace: one
 * selects a sentence and comments with an @mention; the other sees the margin marker and the
 * notification arrive live, reads the mention, is seen typing, and replies; the first resolves,
 * which the other sees live. A viewer reads the thread but has no composer, and the API refuses
 * their comment. Screens are kept at 1280 and 390 pixels wide for review.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CodebookPage } from '../pages/CodebookPage.js';
import { CorpusPage } from '../pages/CorpusPage.js';
import { MapPage } from '../pages/MapPage.js';
import { MapsPage } from '../pages/MapsPage.js';
import { DiscussionPanel } from '../pages/DiscussionPanel.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { ApiSession } from '../support/api-session.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

/** "Live" with room for a slow machine; the focus refetch would not make it. */
const LIVE_TIMEOUT_MS = 5_000;
const ARTICLE = /Analysis: Ministry/;
const DEMO_MAP_TITLE = 'Why are China’s security organs mobilising the public now?';

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

async function openArticle(page: Page): Promise<ReaderPage> {
  await new WorkspaceShell(page).openSection('Corpus');
  const corpus = new CorpusPage(page);
  await corpus.waitUntilShown();
  const title = (await corpus.titles()).find((candidate) => ARTICLE.test(candidate));
  assert.ok(title, 'the demo article is listed');
  await corpus.openDocument(title);
  const reader = new ReaderPage(page);
  await reader.waitUntilShown();
  return reader;
}

async function readerOf(email: string): Promise<{ page: Page; reader: ReaderPage; discussion: DiscussionPanel }> {
  const page = await suite.newPage();
  await openDemoWorkspace(page, email);
  const reader = await openArticle(page);
  return { page, reader, discussion: new DiscussionPanel(page) };
}

void test('a comment with a mention on a selected sentence reaches a colleague live; they reply, it is resolved; a viewer only reads', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    // The demo's seeded threads mention Mei: start from an empty inbox, as the count is the point.
    const meiApi = new ApiSession(suite.baseUrl);
    await meiApi.request('POST', '/auth/login', { email: DEMO_ACCOUNTS.mei.email, password: DEMO_PASSWORD });
    await meiApi.request('POST', '/notifications/read', { all: true });
    const mei = await readerOf(DEMO_ACCOUNTS.mei.email);
    pages.mei = mei.page;
    const tomas = await readerOf(DEMO_ACCOUNTS.tomas.email);
    pages.tomas = tomas.page;
    await mei.discussion.bell().waitFor();
    assert.equal(await mei.discussion.bell().getAttribute('aria-label'), 'Notifications');

    // Tomás selects the first sentence of passage 3 and comments on it, mentioning Mei.
    await tomas.reader.passage(1).focus();
    await tomas.reader.press('j');
    await tomas.reader.press('j');
    await tomas.reader.waitForFocusedPassage(3);
    await tomas.reader.press('s');
    const dialog = await tomas.discussion.startThreadOnSelection();
    const composer = dialog.getByRole('textbox', { name: 'Comment' });
    await tomas.discussion.writeWithMention(composer, 'Is this sourced?', 'Me', DEMO_ACCOUNTS.mei.name, 'can you check the ministry statement?');
    assert.match(await composer.inputValue(), /\[@Mei Lin\]\(mention:[0-9a-f-]{36}\) can you check/);
    await dialog.getByRole('button', { name: 'Comment', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const tomasThread = tomas.discussion.threadDialog();
    await tomasThread.getByText('can you check the ministry statement?').waitFor();

    // Mei sees the marker and the notification without reloading.
    await mei.discussion.marker(DEMO_ACCOUNTS.tomas.name).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await mei.page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await mei.discussion.bell().click();
    await mei.page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: /Tomás Ruiz mentioned you/ }).waitFor();
    await saveScreenshot(mei.page, 'discussion-bell-1280');
    await mei.page.keyboard.press('Escape');

    // She opens the thread from the margin: the mention is a chip, not a link; seeing it reads the notification.
    await mei.discussion.marker(DEMO_ACCOUNTS.tomas.name).click();
    const meiThread = mei.discussion.threadDialog();
    const chip = meiThread.locator('.mention-chip');
    await chip.waitFor();
    assert.equal(await chip.textContent(), '@Mei Lin');
    assert.equal(await meiThread.locator('.comment__body a[href^="mention:"]').count(), 0);
    await mei.page.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    // While she writes, Tomás sees her typing; then her reply arrives in his open thread.
    const reply = meiThread.getByRole('textbox', { name: 'Reply' });
    // Too long is refused before sending, and says so.
    await reply.fill('x'.repeat(10_001));
    await meiThread.getByRole('alert').filter({ hasText: /Too long: 10,001 of at most 10,000 characters/ }).waitFor();
    assert.equal(await meiThread.getByRole('button', { name: 'Reply', exact: true }).isDisabled(), true);
    await reply.fill('');
    // A pasted reader link becomes the passage, quoted with its citation.
    const passageLink = `${mei.page.url().split('?')[0] ?? ''}?p=2`;
    await reply.evaluate((textarea, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, passageLink);
    await meiThread.getByText(/Quoted from “Analysis: Ministry/).waitFor();
    assert.match(await reply.inputValue(), /^> In recent times[\s\S]*— \[Analysis: Ministry[^\]]*, ¶2\]\(\/w\/[^)]*\?p=2\)/);
    // The caret is after the quote: the reply goes on below it.
    await reply.pressSequentially('Yes: it is quoted in the statement of 3 May.');
    await tomasThread.getByText('Mei Lin is typing…').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await saveScreenshot(mei.page, 'discussion-reader-thread-1280');
    await meiThread.getByRole('button', { name: 'Reply', exact: true }).click();
    await tomasThread.getByText('Yes: it is quoted in the statement of 3 May.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await tomasThread.locator('.comment__body blockquote').getByRole('link', { name: /¶2/ }).waitFor();
    assert.equal(await tomasThread.locator('.comment__body blockquote', { hasText: 'Yes: it is quoted' }).count(), 0, 'the reply follows the quote');

    // Tomás edits his comment: Mei sees the new text live, marked edited, with the earlier version kept.
    await tomasThread.getByRole('button', { name: 'Edit comment by Tomás Ruiz' }).click();
    const edit = tomasThread.getByRole('textbox', { name: 'Edit your comment' });
    await edit.press('Control+End');
    await edit.pressSequentially(' (The date matters.)');
    await tomasThread.getByRole('button', { name: 'Save' }).click();
    await meiThread.getByText('(The date matters.)').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await meiThread.getByRole('button', { name: 'edited' }).click();
    const versions = meiThread.getByRole('region', { name: 'Versions of this comment' }).getByRole('listitem');
    await versions.nth(1).getByText('(current)').waitFor();
    assert.equal(await versions.count(), 2);
    assert.match((await versions.nth(0).textContent()) ?? '', /can you check the ministry statement\?\s*$/);
    assert.match((await versions.nth(1).textContent()) ?? '', /\(The date matters\.\)\s*$/);
    await saveScreenshot(mei.page, 'discussion-history-1280');
    await meiThread.getByRole('region', { name: 'Versions of this comment' }).getByRole('button', { name: 'Close' }).click();

    // Tomás resolves; Mei's open thread says so at once.
    await tomasThread.getByRole('button', { name: 'Resolve' }).click();
    await tomasThread.getByRole('button', { name: 'Reopen' }).waitFor();
    await meiThread.getByRole('button', { name: 'Reopen' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    // A viewer reads the thread but cannot comment, in the page or through the API.
    const owner = new ApiSession(suite.baseUrl);
    await owner.request('POST', '/auth/login', { email: DEMO_ACCOUNTS.mei.email, password: DEMO_PASSWORD });
    const workspaceId = /\/w\/([^/]+)/.exec(mei.page.url())?.[1] ?? '';
    const viewerEmail = `viewer-${String(Date.now())}@example.test`;
    const viewerApi = new ApiSession(suite.baseUrl);
    await viewerApi.register(viewerEmail, 'Vera Viewer', 'viewer-password-123');
    const invite = await owner.request<{ inviteToken: string }>('POST', `/workspaces/${workspaceId}/members`, { email: viewerEmail, role: 'viewer' });
    await viewerApi.request('POST', `/invites/${invite.inviteToken}/accept`);
    const viewerContext = await suite.newContext();
    await viewerApi.shareWith(viewerContext);
    const viewerPage = await viewerContext.newPage();
    pages.viewer = viewerPage;
    await viewerPage.goto(mei.page.url());
    const viewer = new DiscussionPanel(viewerPage);
    await viewer.marker(DEMO_ACCOUNTS.tomas.name).click();
    await viewer.threadDialog().getByText('Yes: it is quoted in the statement of 3 May.').waitFor();
    await viewer.threadDialog().getByText(/You can read this thread/).waitFor();
    assert.equal(await viewer.threadDialog().getByRole('textbox').count(), 0, 'no composer for a viewer');
    assert.equal(await viewer.threadDialog().getByRole('button', { name: /Resolve|Reopen/ }).count(), 0);
    const threads = await viewerApi.request<{ threads: Array<{ id: string }> }>('GET', `/workspaces/${workspaceId}/threads`);
    const threadId = threads.threads[0]?.id;
    assert.ok(threadId);
    await assert.rejects(viewerApi.request('POST', `/workspaces/${workspaceId}/threads/${threadId}/comments`, { body: 'I should not be able to say this.' }), /answered 403/);

    // On the Discussion page, the resolved thread is folded away but found by words in any comment and by "mentioning me".
    await mei.page.keyboard.press('Escape');
    await new WorkspaceShell(mei.page).openSection('Discussion');
    const list = mei.page.getByRole('region', { name: 'Threads' });
    // The demo's own resolved thread is folded there too.
    await list.getByText(/^\d+ resolved threads?$/).waitFor();
    assert.equal(await list.getByRole('link').filter({ hasText: 'Is this sourced?' }).isVisible(), false, 'resolved threads are folded');
    await mei.page.getByRole('searchbox', { name: 'Search comments' }).fill('statement of 3 May');
    await mei.page.waitForURL(/q=statement/);
    await list.getByText('1 resolved thread').click();
    await list.getByRole('link').filter({ hasText: 'Is this sourced?' }).waitFor();
    await mei.page.getByRole('searchbox', { name: 'Search comments' }).fill('nowhere-to-be-found');
    await list.getByText('No thread matches').waitFor();
    await mei.page.getByRole('searchbox', { name: 'Search comments' }).fill('');
    // The filters live in the address: a link to "resolved threads mentioning me" opens them.
    await mei.page.waitForURL((url) => !url.searchParams.has('q'));
    await mei.page.goto(`${new URL(mei.page.url()).pathname}?mentions=1&status=resolved`);
    assert.equal(await mei.page.getByRole('checkbox', { name: 'Mentioning me' }).isChecked(), true);
    await list.getByRole('link').filter({ hasText: 'Is this sourced?' }).waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('the Discussion page, the reader and the inbox at 1280 and 390 pixels wide', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page, reader } = await readerOf(DEMO_ACCOUNTS.tomas.email);
    pages.tomas = page;
    const readerUrl = page.url();
    const discussionUrl = readerUrl.replace(/\/corpus\/.*$/, '/discussion');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${readerUrl}?p=3`);
      await reader.waitUntilShown();
      await page.getByRole('button', { name: /^Thread by / }).first().waitFor();
      await saveScreenshot(page, `discussion-reader-${String(width)}`);
      await page.goto(discussionUrl);
      await page.getByRole('heading', { name: 'Discussion', level: 1 }).waitFor();
      await page.getByText('Loading threads…').waitFor({ state: 'hidden' });
      // Resolved threads are folded away; unfold them to show one.
      const folded = page.getByText(/\d+ resolved threads?/);
      if ((await folded.count()) > 0) await folded.click();
      const first = page.locator('.thread-item__link').first();
      if ((await first.count()) > 0) {
        await first.click();
        await page.getByRole('region', { name: 'Thread', exact: true }).waitFor();
      }
      await saveScreenshot(page, `discussion-page-${String(width)}`, { fullPage: true });
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await saveScreenshot(page, `discussion-inbox-${String(width)}`);
      await page.keyboard.press('Escape');

      // A tag in the codebook: its "Comment" entry point and the dialog that starts a thread.
      await page.goto(readerUrl.replace(/\/corpus\/.*$/, '/codebook?view=tags'));
      await new CodebookPage(page).tag('Regime insecurity').getByText('Regime insecurity', { exact: true }).click();
      await page.getByRole('button', { name: /^Comment on tag/ }).click();
      const start = page.getByRole('dialog', { name: 'Start a thread' });
      await start.getByRole('textbox', { name: 'Comment' }).fill('Does this tag overlap with its neighbour?');
      await saveScreenshot(page, `discussion-new-thread-${String(width)}`);
      await start.getByRole('button', { name: 'Cancel' }).click();
    }
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('a commenter discusses a map node and an ACH cell; the owner sees the thread marks arrive live', async (t) => {
  const pages: Record<string, Page> = {};
  const openMap = async (email: string) => {
    const page = await suite.newPage();
    await openDemoWorkspace(page, email);
    await new WorkspaceShell(page).openSection('Maps');
    await new MapsPage(page).open(DEMO_MAP_TITLE);
    const map = new MapPage(page);
    await map.canvas().waitFor();
    return { page, map };
  };
  try {
    const priya = await openMap(DEMO_ACCOUNTS.priya.email);
    pages.priya = priya.page;
    const mei = await openMap(DEMO_ACCOUNTS.mei.email);
    pages.mei = mei.page;

    // Priya (commenter: the map is read-only for her) selects a node and comments on it.
    const node = priya.map.nodes().first();
    const nodeName = (await node.getAttribute('aria-label')) ?? '';
    assert.ok(nodeName !== '', 'the first node has a name');
    await node.click();
    const inspector = priya.page.getByRole('region', { name: 'Selected node' });
    await inspector.getByRole('button', { name: /^Comment on node/ }).click();
    const dialog = priya.page.getByRole('dialog', { name: 'Discussion' });
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Which quote does this rest on?');
    await dialog.getByRole('button', { name: 'Start thread' }).click();
    await dialog.getByRole('region', { name: 'Thread', exact: true }).getByText('Which quote does this rest on?').waitFor();
    await saveScreenshot(priya.page, 'discussion-map-node-1280');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Mei sees the mark on that node without reloading.
    await mei.map.node(nodeName).locator('.map-node__threads').waitFor({ timeout: LIVE_TIMEOUT_MS });
    assert.equal(((await mei.map.node(nodeName).locator('.map-node__threads').textContent()) ?? '').trim(), '1');

    // An ACH cell: its details open its discussion; the cell then says it is discussed.
    await priya.page.getByRole('tab', { name: 'Compare' }).click();
    const cell = priya.page.locator('.ach-cell').first();
    await cell.click();
    await priya.page.getByRole('complementary', { name: 'Details of the focused cell' }).getByRole('button', { name: /^Comment on cell/ }).click();
    const cellDialog = priya.page.getByRole('dialog', { name: 'Discussion' });
    await cellDialog.getByRole('textbox', { name: 'Comment' }).fill('We rate this one far apart: why?');
    await cellDialog.getByRole('button', { name: 'Start thread' }).click();
    await cellDialog.getByRole('region', { name: 'Thread', exact: true }).getByText('We rate this one far apart: why?').waitFor();
    await cellDialog.getByRole('button', { name: 'Close' }).click();
    await priya.page.locator('.ach-cell[aria-label*="; 1 open thread"]').first().waitFor();
    await mei.page.getByRole('tab', { name: 'Compare' }).click();
    await mei.page.locator('.ach-cell[aria-label*="; 1 open thread"]').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await saveScreenshot(mei.page, 'discussion-ach-1280');
    await mei.page.setViewportSize({ width: 390, height: 900 });
    await mei.page.locator('.ach-cell[aria-label*="; 1 open thread"]').first().scrollIntoViewIfNeeded();
    await saveScreenshot(mei.page, 'discussion-ach-390');
    await mei.page.getByRole('tab', { name: 'Map' }).click();
    await mei.map.node(nodeName).locator('.map-node__threads').waitFor();
    await saveScreenshot(mei.page, 'discussion-map-390');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
