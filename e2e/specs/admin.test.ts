/**
 * Instance administration in Chromium, on the seeded demo: an instance admin (ADMIN_EMAIL,
 * registered through the UI) sees the workspaces overview with the demo workspace and its
 * counts; disables Tomás while his notebook is open, and his live connection is refused at
 * once; closes registration in the settings, and a signed-out visitor finds registration
 * closed. Every admin page is photographed at 1280 and 390 px wide.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { RegisterPage } from '../pages/RegisterPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DEMO_WORKSPACE, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const ADMIN = { displayName: 'Ada Admin', email: 'ada.admin@e2e.marginalia.test', password: 'a long admin password' };
const ADMIN_PAGES = [
  { path: '/admin/users', heading: 'Users' },
  { path: '/admin/workspaces', heading: 'Workspaces' },
  { path: '/admin/settings', heading: 'Instance settings' },
  { path: '/admin/audit', heading: 'Audit log' },
  { path: '/admin/health', heading: 'Health and usage' },
] as const;

const suite = new DemoSuite();

before(async () => {
  // The account registered with this email becomes instance admin (the API reads it at start).
  process.env.ADMIN_EMAIL = ADMIN.email;
  await suite.start();
});
after(() => suite.stop());

let adminPage: Page | undefined;

/** The admin's page, registered and signed in once for the file. */
async function admin(): Promise<Page> {
  if (adminPage) return adminPage;
  const page = await suite.newPage();
  const register = new RegisterPage(page);
  await register.goto();
  await register.register(ADMIN);
  await page.waitForURL('**/workspaces');
  adminPage = page;
  return page;
}

async function openAdminPage(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

void test('an instance admin sees the workspaces overview: the demo workspace with its owner and counts', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const page = (pages.admin = await admin());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Workspaces' }).click();
    await page.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor();

    const listed = (await (await page.request.get('/api/admin/workspaces')).json()) as { workspaces: { name: string; annotationCount: number }[] };
    const demo = listed.workspaces.find((workspace) => workspace.name === DEMO_WORKSPACE);
    assert.ok(demo && demo.annotationCount > 0, 'the demo workspace is coded');

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO_WORKSPACE }) });
    const cells = await row.getByRole('cell').allInnerTexts();
    // Owners, members, documents, annotations, storage, last activity, state, actions.
    assert.equal(cells[0], DEMO_ACCOUNTS.mei.name);
    assert.deepEqual(cells.slice(1, 4), ['4', '5', String(demo.annotationCount)]);
    assert.match(cells[4] ?? '', /\d+(\.\d+)? (KB|MB|bytes)/);
    assert.equal(cells[6], 'Active');

    // Filtering by state leaves it out when it does not match.
    await page.getByLabel('State').selectOption('orphaned');
    await page.getByText('No workspaces match').waitFor();
    await page.getByLabel('State').selectOption('all');
    await row.waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('disabling a user drops their open notebook at once', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const tomas = (pages.tomas = await suite.newPage());
    await openDemoWorkspace(tomas, DEMO_ACCOUNTS.tomas.email);
    const shell = new WorkspaceShell(tomas);
    await shell.openSection('Notebook');
    await tomas.getByRole('group', { name: 'Notebook view' }).waitFor();
    await shell.waitForConnection('Saved');

    const page = (pages.admin = await admin());
    await openAdminPage(page, '/admin/users', 'Users');
    await page.getByLabel('Search').fill('tomas@');
    await page.getByRole('button', { name: `Actions for ${DEMO_ACCOUNTS.tomas.email}` }).click();
    await page.getByRole('menuitem', { name: 'Disable account' }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${DEMO_ACCOUNTS.tomas.name}?` });
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await page.getByText(`${DEMO_ACCOUNTS.tomas.name} can no longer log in.`).waitFor();
    await page.getByRole('row').filter({ hasText: DEMO_ACCOUNTS.tomas.email }).getByText('Disabled').waitFor();

    // Tomás's live connection is refused by the server: his notebook no longer saves.
    await tomas.getByRole('banner').getByRole('status', { name: 'Connection: Signed out', exact: true }).waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('closing registration in the settings: a signed-out visitor finds registration closed', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const page = (pages.admin = await admin());
    await openAdminPage(page, '/admin/settings', 'Instance settings');
    await page.getByLabel('Who may register').selectOption('closed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved. They apply at once.').waitFor();

    const visitor = (pages.visitor = await suite.newPage());
    await visitor.goto('/register');
    await visitor.getByRole('heading', { name: 'Registration is closed' }).waitFor();
    assert.equal(await visitor.getByRole('button', { name: 'Create account' }).count(), 0);

    // The change is in the audit log, filtered by action.
    await openAdminPage(page, '/admin/audit', 'Audit log');
    await page.getByLabel('Action').selectOption('settings.changed');
    await page.getByRole('rowheader', { name: 'Changed instance settings' }).first().waitFor();
    await page.getByRole('cell', { name: /registration: closed/ }).first().waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('every admin page at desktop and phone width', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const page = (pages.admin = await admin());
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const adminRoute of ADMIN_PAGES) {
        await openAdminPage(page, adminRoute.path, adminRoute.heading);
        await page.locator('.admin-area table, .admin-area form, .admin-figures').first().waitFor();
        const shot = await saveScreenshot(page, `admin ${adminRoute.path.split('/').at(-1) ?? ''} ${String(width)}`, { fullPage: true });
        assert.ok(shot.distinctColours > 4, `${adminRoute.path} at ${String(width)} px is not blank`);
      }
    }
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
