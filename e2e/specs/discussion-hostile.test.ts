/**
 * A hostile comment, in Chromium: a member writes Markdown full of raw HTML, event handlers and
 * script links; a colleague opens the thread. Nothing runs, no element carries a handler or a
 * style, `javascript:` and `data:` links lose their target, and the links that stay open in a
 * new tab with no handle on the app (`rel="noopener noreferrer"`).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiSession } from '../support/api-session.js';
import { saveFailureArtifacts } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_WORKSPACE, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

const HOSTILE_COMMENT = [
  'Hostile comment marker.',
  '<img src=x onerror="document.body.dataset.pwned=1">',
  '<script>document.body.dataset.pwned = 1</script>',
  '<a href="https://example.org" onclick="document.body.dataset.pwned=1" style="position:fixed;inset:0">cover the page</a>',
  '[script link](javascript:document.body.dataset.pwned=1) [data link](data:text/html,<b>x</b>) [a real source](https://example.org/report)',
  '<iframe src="https://example.org"></iframe><form><input name="password"></form>',
].join('\n\n');

void test('a hostile comment neither runs script nor keeps handlers, styles or script links', async (t) => {
  const api = new ApiSession(suite.baseUrl);
  await api.request('POST', '/auth/login', { email: DEMO_ACCOUNTS.tomas.email, password: DEMO_PASSWORD });
  const { workspaces } = await api.request<{ workspaces: { id: string; name: string }[] }>('GET', '/workspaces');
  const workspaceId = workspaces.find((workspace) => workspace.name === DEMO_WORKSPACE)!.id;
  const { thread } = await api.request<{ thread: { id: string } }>('POST', `/workspaces/${workspaceId}/threads`, { anchor: { kind: 'workspace' }, body: HOSTILE_COMMENT });

  const page = await suite.newPage();
  try {
    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
    await page.goto(`/w/${workspaceId}/discussion?thread=${thread.id}`);
    const body = page.locator('.comment__body', { hasText: 'Hostile comment marker.' });
    await body.waitFor();
    const report = await body.evaluate((root) => ({
      pwned: document.body.dataset.pwned ?? null,
      forbidden: Array.from(root.querySelectorAll('script, iframe, form, input, style, [style], [onclick], [onerror]'), (element) => element.outerHTML),
      links: Array.from(root.querySelectorAll('a'), (link) => ({ text: link.textContent, href: link.getAttribute('href'), rel: link.getAttribute('rel'), target: link.getAttribute('target') })),
    }));
    assert.equal(report.pwned, null, 'no script ran');
    assert.deepEqual(report.forbidden, [], 'no element with script, a frame, a form, a style or an event handler');
    const byText = new Map(report.links.map((link) => [link.text, link]));
    assert.equal(byText.get('script link')?.href ?? null, null, 'the javascript: link has no target');
    assert.equal(byText.get('data link')?.href ?? null, null, 'the data: link has no target');
    assert.deepEqual(byText.get('a real source'), { text: 'a real source', href: 'https://example.org/report', rel: 'noopener noreferrer', target: '_blank' });
  } catch (error) {
    await saveFailureArtifacts(t.name, { mei: page }, suite.log());
    throw error;
  }
});
