/**
 * The codebook and the comparison of analysts on the seeded demo workspace (three analysts'
 * independent coding): building the codebook by keyboard and mouse, a colleague's change
 * arriving live, agreement figures as the API computes them, and blind coding until a reveal.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CodebookPage } from '../pages/CodebookPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

/** "Live" with room for a slow CI machine; the 30 s focus refetch would not make it. */
const LIVE_TIMEOUT_MS = 5_000;

interface ApiTag { id: string; name: string; parentId: string | null }

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

async function codebookOf(email: string): Promise<{ page: Page; codebook: CodebookPage }> {
  const page = await suite.newPage();
  await openDemoWorkspace(page, email);
  await new WorkspaceShell(page).openSection('Codebook');
  return { page, codebook: new CodebookPage(page) };
}

/** The API as the page's own session sees it. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const workspaceId = /\/w\/([^/]+)/.exec(page.url())?.[1];
  assert.ok(workspaceId, `no workspace in ${page.url()}`);
  const response = await page.request.get(`/api/workspaces/${workspaceId}${path}`);
  assert.equal(response.status(), 200, await response.text());
  return (await response.json()) as T;
}

const tagsOf = async (page: Page) => (await apiGet<{ tags: ApiTag[] }>(page, '/tags')).tags;

void test('an admin adds, nests, moves and merges tags with the keyboard and the mouse; a colleague sees each change live', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page: tomas, codebook: tomasCodebook } = await codebookOf('tomas@demo.marginalia.test');
    pages.tomas = tomas;
    const { page: mei, codebook } = await codebookOf('mei@demo.marginalia.test');
    pages.mei = mei;

    await codebook.addTagByKeyboard('Propaganda genre');
    await tomasCodebook.tag('Propaganda genre').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await codebook.addTagByKeyboard('Cartoons');

    // Keyboard: Alt+ArrowRight puts the focused tag under its previous sibling.
    await codebook.focusTag('Cartoons');
    await moveAndCheck(mei, () => mei.keyboard.press('Alt+ArrowRight'), 'Cartoons', 'Propaganda genre');

    // Mouse: drag "Cartoons" onto another top-level tag.
    const handle = codebook.tag('Cartoons').getByRole('button', { name: 'Drag Cartoons' });
    await moveAndCheck(mei, () => handle.dragTo(codebook.tag('Events and dates')), 'Cartoons', 'Events and dates');

    // Merge: "Cartoons" goes into "Propaganda genre" and disappears, for the colleague too.
    await codebook.mergeInto('Cartoons', 'Propaganda genre');
    await tomasCodebook.tag('Cartoons').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    assert.equal((await tagsOf(mei)).some((tag) => tag.name === 'Cartoons'), false);
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

/** Runs `act`, waits for the move it makes to be answered, then checks where the API has the tag. */
async function moveAndCheck(page: Page, act: () => Promise<void>, name: string, parentName: string): Promise<void> {
  const moved = page.waitForResponse((response) => response.request().method() === 'POST' && /\/tags\/[^/]+\/move$/.test(response.url()));
  await act();
  assert.equal((await moved).status(), 200);
  const tags = await tagsOf(page);
  const tag = tags.find((candidate) => candidate.name === name);
  assert.equal(tag?.parentId, tags.find((other) => other.name === parentName)?.id, `${name} should be under ${parentName}`);
}

void test('the comparison view shows the agreement the API computes for the three demo analysts, and walks the disagreements', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page: mei, codebook } = await codebookOf('mei@demo.marginalia.test');
    pages.mei = mei;
    await codebook.show('Compare analysts');
    const table = mei.getByRole('table', { name: /Agreement of 3 analysts/ });
    await table.waitFor();

    const analysts = (await apiGet<{ analysts: Array<{ id: string }> }>(mei, '/tag-frequencies')).analysts.map((analyst) => analyst.id);
    const report = await apiGet<{ overall: { units: number; krippendorffAlpha: number | null; fleissKappa: number | null } }>(mei, `/agreement?analysts=${analysts.join(',')}`);
    assert.ok(report.overall.krippendorffAlpha !== null, 'the demo coding has a defined alpha');
    const overall = table.getByRole('row', { name: /All tags/ });
    const cells = await overall.getByRole('cell').allTextContents();
    assert.equal(cells[0], String(report.overall.units));
    assert.ok(cells.includes(report.overall.krippendorffAlpha.toFixed(3)), `alpha ${report.overall.krippendorffAlpha.toFixed(3)} in ${cells.join(' | ')}`);
    assert.ok(cells.includes((report.overall.fleissKappa ?? 0).toFixed(3)), `Fleiss' kappa in ${cells.join(' | ')}`);

    // "Next disagreement" from the keyboard: N moves focus to a highlighted passage.
    await mei.getByRole('button', { name: 'Next disagreement' }).focus();
    await mei.keyboard.press('n');
    const focused = mei.locator('tr:focus');
    assert.match((await focused.getAttribute('aria-label')) ?? '', /^Passage \d+, disagreement$/);
    for (const width of [1366, 390]) {
      await mei.setViewportSize({ width, height: 900 });
      await table.scrollIntoViewIfNeeded();
      await saveScreenshot(mei, `tagging-compare-${String(width)}`);
      await focused.scrollIntoViewIfNeeded();
      await saveScreenshot(mei, `tagging-side-by-side-${String(width)}`);
    }
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('screens of the codebook at desktop and phone widths', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page: mei, codebook } = await codebookOf('mei@demo.marginalia.test');
    pages.mei = mei;
    await codebook.focusTag('Regime insecurity');
    for (const [view, name] of [['Tags', 'tags'], ['Coded segments', 'segments'], ['Frequencies', 'frequencies']] as const) {
      await codebook.show(view);
      await mei.getByRole('tabpanel').first().waitFor();
      if (view === 'Coded segments') await mei.getByRole('list', { name: 'Coded segments' }).waitFor();
      if (view === 'Frequencies') await mei.getByRole('table', { name: 'Passages coded with both tags' }).waitFor();
      for (const width of [1366, 390]) {
        await mei.setViewportSize({ width, height: 900 });
        const shot = await saveScreenshot(mei, `tagging-${name}-${String(width)}`);
        assert.ok(shot.distinctColours > 4, `${shot.path} looks blank`);
      }
      await mei.setViewportSize({ width: 1366, height: 900 });
    }
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('an analyst adds a tag to their own coded segment with the tag picker, from the keyboard', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page: tomas, codebook } = await codebookOf('tomas@demo.marginalia.test');
    pages.tomas = tomas;
    await codebook.show('Coded segments');
    await tomas.getByLabel('Tag', { exact: true }).selectOption({ label: 'Explanations › Regime insecurity' });
    await tomas.getByLabel('Analyst', { exact: true }).selectOption({ label: 'Tomás Ruiz' });
    const segment = tomas.getByRole('list', { name: 'Coded segments' }).getByRole('listitem').first();
    assert.equal(await segment.getByText('Social control').count(), 0);
    await segment.getByRole('button', { name: /^Change tags of/ }).click();
    const picker = tomas.getByRole('dialog', { name: 'Change tags' });
    await picker.getByRole('searchbox', { name: 'Find a tag' }).fill('social contr');
    await picker.getByRole('option', { name: /Social control/ }).waitFor();
    await tomas.keyboard.press('Enter');
    await picker.getByRole('row', { name: 'Social control' }).waitFor();
    await saveScreenshot(tomas, 'tagging-picker-1366');
    await tomas.keyboard.press('Control+Enter');
    await picker.waitFor({ state: 'hidden' });
    await segment.getByText('Social control').waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test("blind coding: an analyst gets only their own coding until an admin reveals everyone's", async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const { page: mei, codebook } = await codebookOf('mei@demo.marginalia.test');
    pages.mei = mei;
    await codebook.toggle('Blind coding');
    assert.equal(await codebook.setting('Blind coding').isChecked(), true);
    await mei.getByRole('button', { name: 'Reveal everyone’s annotations' }).waitFor();

    const { page: tomas, codebook: tomasCodebook } = await codebookOf('tomas@demo.marginalia.test');
    pages.tomas = tomas;
    await tomasCodebook.blindNotice().waitFor();
    await tomasCodebook.show('Coded segments');
    await tomas.getByLabel('Tag', { exact: true }).selectOption({ label: 'Explanations › Regime insecurity' });
    const segments = tomas.getByRole('list', { name: 'Coded segments' });
    await segments.getByText('Tomás Ruiz').first().waitFor();
    assert.equal(await segments.getByText('Mei Lin').count(), 0, 'another analyst’s segment is shown while blind');
    assert.equal(await segments.getByText('Aisha Bello').count(), 0, 'another analyst’s segment is shown while blind');

    await mei.getByRole('button', { name: 'Reveal everyone’s annotations' }).click();
    await segments.getByText('Mei Lin').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await tomasCodebook.blindNotice().waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
