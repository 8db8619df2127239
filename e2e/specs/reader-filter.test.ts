/**
 * Filtering the reader's annotations on the demo workspace, as an analyst does: by a tag with and
 * without its sub-tags (chosen by keyboard), by a colleague, and "mine only"; the count shown,
 * the passages' notes and the painted tag colours follow; the filtered view survives a reload of
 * its address; "Clear filter" shows everything again. Expected counts come from the API.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { AnnotationFilter } from '../pages/AnnotationFilter.js';
import { CorpusPage } from '../pages/CorpusPage.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const ARTICLE = /Analysis: Ministry/;

interface Coding {
  annotations: Array<{ tagIds: string[]; analystId: string | null; kind: string }>;
  analysts: Array<{ id: string; displayName: string }>;
  tags: Array<{ id: string; parentId: string | null; name: string; color: string }>;
}

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

/** The document's annotations and the codebook, as the API answers the signed-in page. */
async function codingOf(page: Page): Promise<Coding> {
  const [, workspaceId, documentId] = /\/w\/([^/]+)\/corpus\/([^/?]+)/.exec(page.url()) ?? [];
  assert.ok(workspaceId && documentId, `a reader address: ${page.url()}`);
  return await page.evaluate(
    async ({ workspaceId, documentId }) => {
      const get = async (path: string) => (await fetch(`/api/workspaces/${workspaceId}${path}`, { credentials: 'same-origin' })).json();
      const list = await get(`/annotations?documentId=${documentId}`);
      const { tags } = await get('/tags');
      return { annotations: list.annotations, analysts: list.analysts, tags };
    },
    { workspaceId, documentId },
  );
}

function subtree(tags: Coding['tags'], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let size = 0;
  while (ids.size > size) {
    size = ids.size;
    for (const tag of tags) if (tag.parentId && ids.has(tag.parentId)) ids.add(tag.id);
  }
  return ids;
}

void test('an analyst filters the reader by tag, with and without sub-tags, by analyst and mine only; the view links and clears', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const page = (pages.tomas = await suite.newPage());
    await openDemoWorkspace(page, DEMO_ACCOUNTS.tomas.email);
    await new WorkspaceShell(page).openSection('Corpus');
    const corpus = new CorpusPage(page);
    await corpus.waitUntilShown();
    const title = (await corpus.titles()).find((candidate) => ARTICLE.test(candidate));
    assert.ok(title, 'the demo article is listed');
    await corpus.openDocument(title);
    const reader = new ReaderPage(page);
    await reader.waitUntilShown();
    const filter = new AnnotationFilter(page);

    const coding = await codingOf(page);
    const total = coding.annotations.length;
    assert.ok(total > 5, `the demo article is coded (${String(total)} annotations)`);
    await filter.waitForCount(`All ${String(total)} annotations shown`);
    const paintedBefore = await filter.paintedByColour();
    assert.ok(Object.keys(paintedBefore).length > 1, 'several tag colours are painted before filtering');

    // A parent tag, chosen by keyboard: its own annotations and its sub-tags'.
    const parent = coding.tags.find((tag) => tag.name === 'Explanations');
    assert.ok(parent, 'the demo codebook has Explanations');
    const family = subtree(coding.tags, parent.id);
    const familyNames = coding.tags.filter((tag) => family.has(tag.id)).map((tag) => tag.name);
    const withSub = coding.annotations.filter((a) => a.tagIds.some((id) => family.has(id))).length;
    const direct = coding.annotations.filter((a) => a.tagIds.includes(parent.id)).length;
    assert.ok(withSub > direct, 'the sub-tags add annotations');
    await filter.addTagByKeyboard('Explanations');
    await filter.waitForCount(`${String(withSub)} of ${String(total)} annotations shown`);
    assert.ok(new URL(page.url()).searchParams.getAll('tag').includes(parent.id), 'the address names the tag');
    for (const listed of await filter.listedTaggings()) assert.ok(familyNames.some((name) => listed.includes(name)), `listed under the filter: “${listed}”`);
    const familyColours = new Set(coding.tags.filter((tag) => family.has(tag.id)).map((tag) => tag.color));
    for (const colour of Object.keys(await filter.paintedByColour())) assert.ok(familyColours.has(colour), `only Explanations' colours are painted, not ${colour}`);
    await saveScreenshot(page, 'reader-filter-tag-1280');

    await filter.includeSubTags().press('Space');
    await filter.waitForCount(`${String(direct)} of ${String(total)} annotations shown`);
    assert.equal(new URL(page.url()).searchParams.get('subtags'), '0');
    await filter.clear();
    await filter.waitForCount(`All ${String(total)} annotations shown`);
    assert.deepEqual(await filter.paintedByColour(), paintedBefore, 'clearing paints everything again');

    // A colleague's coding.
    const mei = coding.analysts.find((analyst) => analyst.displayName === DEMO_ACCOUNTS.mei.name);
    assert.ok(mei, 'Mei coded this article');
    const byMei = coding.annotations.filter((a) => a.kind === 'analyst' && a.analystId === mei.id).length;
    await filter.chooseAnalyst(DEMO_ACCOUNTS.mei.name);
    await filter.waitForCount(`${String(byMei)} of ${String(total)} annotations shown`);
    const listedMei = await filter.listedTaggings();
    assert.ok(listedMei.length > 0, 'some of Mei’s taggings are listed');
    for (const listed of listedMei) assert.match(listed, new RegExp(`· ${DEMO_ACCOUNTS.mei.name}`));

    // Mine only, over the analyst choice.
    const tomas = coding.analysts.find((analyst) => analyst.displayName === DEMO_ACCOUNTS.tomas.name);
    assert.ok(tomas, 'Tomás coded this article');
    const mine = coding.annotations.filter((a) => a.kind === 'analyst' && a.analystId === tomas.id).length;
    await filter.mineOnly().press('Space');
    await filter.waitForCount(`${String(mine)} of ${String(total)} annotations shown`);
    assert.ok(await filter.analystButton().isDisabled(), 'the analyst choice is off while mine only');
    for (const listed of await filter.listedTaggings()) assert.match(listed, /· you/);
    await saveScreenshot(page, 'reader-filter-mine-1280');

    // The address is the filtered view.
    await page.goto(page.url());
    await reader.waitUntilShown();
    await filter.waitForCount(`${String(mine)} of ${String(total)} annotations shown`);
    assert.ok(await filter.mineOnly().isChecked(), 'mine only survives a reload');

    await page.setViewportSize({ width: 390, height: 844 });
    await filter.region().getByRole('button', { name: /^Filter by tag/ }).click();
    await page.getByRole('dialog', { name: 'Filter by tag' }).getByRole('option').first().waitFor();
    await saveScreenshot(page, 'reader-filter-tags-open-390');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Filter by tag' }).waitFor({ state: 'hidden' });
    await filter.addTagByKeyboard('Explanations');
    await filter.region().evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -80);
    });
    await saveScreenshot(page, 'reader-filter-390');
    await filter.clear();
    await filter.waitForCount(`All ${String(total)} annotations shown`);
    assert.equal(await filter.mineOnly().isChecked(), false);
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
