/**
 * When the server refuses the live connection for the page's origin (a proxy that drops the
 * port from Host, or an address not in COLLAB_ALLOWED_ORIGINS), the header says so and what to
 * do, instead of "Offline, trying again" forever. Through a proxy that makes exactly the
 * `Host $host` mistake (support/host-dropping-proxy.ts), at desktop and phone widths.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';
import { startHostDroppingProxy, type Proxy } from '../support/host-dropping-proxy.js';

const suite = new DemoSuite();
let proxy: Proxy;

before(async () => {
  await suite.start();
  proxy = await startHostDroppingProxy(suite.baseUrl);
});

after(async () => {
  await proxy?.stop();
  await suite.stop();
});

for (const viewport of [
  { width: 1366, height: 800 },
  { width: 390, height: 844 },
]) {
  void test(`a socket refused for its origin is explained in the header (${String(viewport.width)} px)`, async (t) => {
    const pages: Record<string, Page> = {};
    try {
      const page = (pages.mei = await (await suite.newContext({ baseURL: proxy.baseUrl, viewport })).newPage());
      await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
      await new WorkspaceShell(page).openSection('Notebook');
      const shell = new WorkspaceShell(page);
      await page.getByRole('banner').getByRole('status', { name: 'Connection: Not allowed from this address', exact: true }).waitFor();
      const refusal = page.getByRole('banner').getByRole('alert');
      await refusal.waitFor();
      const text = (await refusal.textContent()) ?? '';
      assert.match(text, new RegExp(`refuses live connections from ${proxy.baseUrl.replaceAll('.', '\\.')}`));
      assert.match(text, /COLLAB_ALLOWED_ORIGINS/);
      assert.equal(await shell.connectionStatus().getAttribute('aria-label'), 'Connection: Not allowed from this address');
      const shot = await saveScreenshot(page, `connection-refused-${String(viewport.width)}`);
      assert.ok(shot.distinctColours > 1, 'the screenshot is not blank');
    } catch (error) {
      await saveFailureArtifacts(t.name, pages, suite.log());
      throw error;
    }
  });
}
