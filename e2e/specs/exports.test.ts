/**
 * The Exports page in Chromium on the seeded demo workspace: Mei picks the Markdown report,
 * leaves out two sections and narrows it to one document, downloads it (the browser's download event), and the file holds the
 * report of her workspace without those sections. She downloads a REFI-QDA project: a ZIP whose
 * project.qde validates against the REFI-QDA schema (xmllint) and holds the demo's codes. She
 * prepares an export in the background: it is listed as waiting, then ready, with a Download
 * button, without reloading the page. Screenshots at desktop and phone widths.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DEMO_WORKSPACE, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';
import { REPO_ROOT } from '../support/paths.js';

const run = promisify(execFile);
const PROJECT_XSD = path.join(REPO_ROOT, 'apps/api/test/fixtures/standards/refi-qda-Project-mrt2019.xsd');

const suite = new DemoSuite();
const SPIES_ARTICLE = "They're All Spies Now: Chinese Spy Agency Calls On Society To Help With Espionage";

before(() => suite.start());
after(() => suite.stop());

void test('downloads the Markdown report with the chosen sections from the Exports page', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    await openDemoWorkspace(mei, DEMO_ACCOUNTS.mei.email);
    await new WorkspaceShell(mei).openSection('Exports');

    const formats = mei.getByRole('radiogroup', { name: 'Export format' });
    // React Aria's inputs are visually hidden: people click the visible label, and so does the test.
    await formats.getByText('Report (Markdown)', { exact: true }).click();
    assert.ok(await formats.getByRole('radio', { name: /Report \(Markdown\)/ }).isChecked());
    const sections = mei.getByRole('group', { name: 'Sections' });
    for (const name of ['Notebook', 'Open and resolved threads']) {
      await sections.getByText(name, { exact: true }).click();
      assert.equal(await sections.getByRole('checkbox', { name }).isChecked(), false, `${name} is left out`);
    }
    // Narrowed to one document: its passages only.
    const documents = mei.getByRole('group', { name: 'Documents' });
    await documents.getByText(SPIES_ARTICLE, { exact: true }).click();
    await documents.getByText('1 chosen').waitFor();
    const wide = await saveScreenshot(mei, 'exports-1280', { fullPage: true });
    assert.ok(wide.distinctColours > 8, `the exports screenshot is not blank (${String(wide.distinctColours)} colours)`);

    const [download] = await Promise.all([mei.waitForEvent('download'), mei.getByRole('link', { name: 'Download Report (Markdown)' }).click()]);
    assert.match(download.suggestedFilename(), /^MSS-counter-espionage-mobilisation-\d{4}-\d\d-\d\d\.md$/);
    const report = await readFile((await download.path())!, 'utf8');
    assert.ok(report.startsWith(`# ${DEMO_WORKSPACE}\n`), report.slice(0, 80));
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Corpus', '## Codebook', '## Coded passages', '## Agreement between analysts', '## Argument maps']);
    assert.match(report, /> — .+, passage \d+, coded by (Mei Lin|Tomás Ruiz|Aisha Bello)/);
    assert.match(report, /```mermaid\nflowchart BT/);
    const corpusRows = report.split('## Corpus')[1]!.split('## Codebook')[0]!.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    assert.equal(corpusRows.length, 1, corpusRows.join('\n'));
    assert.ok(corpusRows[0]!.includes(SPIES_ARTICLE), corpusRows[0]);

    const phoneContext = await suite.newContext({ viewport: { width: 390, height: 844 } });
    const phone = (pages.phone = await phoneContext.newPage());
    await openDemoWorkspace(phone, DEMO_ACCOUNTS.mei.email);
    const workspaceId = /\/w\/([^/]+)/.exec(phone.url())![1]!;
    await phone.goto(`/w/${workspaceId}/exports`);
    await phone.getByRole('heading', { name: 'Exports', level: 1 }).waitFor();
    const narrow = await saveScreenshot(phone, 'exports-390', { fullPage: true });
    assert.ok(narrow.distinctColours > 8, 'the phone screenshot is not blank');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${String(overflow)} px too wide)`);
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

/** Every tag name of the demo codebook (seeds/demo-coding.json), parents and children. */
async function demoTagNames(): Promise<string[]> {
  interface SeedTag {
    name: string;
    children?: SeedTag[];
  }
  const seed = JSON.parse(await readFile(path.join(REPO_ROOT, 'seeds/demo-coding.json'), 'utf8')) as { codebook: SeedTag[] };
  const names = (tags: SeedTag[]): string[] => tags.flatMap((tag) => [tag.name, ...names(tag.children ?? [])]);
  return names(seed.codebook);
}

const unescapeXml = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

async function openExports(page: Page): Promise<void> {
  await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
  await new WorkspaceShell(page).openSection('Exports');
}

async function pickFormat(page: Page, label: string): Promise<void> {
  const formats = page.getByRole('radiogroup', { name: 'Export format' });
  await formats.getByText(label, { exact: true }).click();
  assert.ok(await formats.getByRole('radio', { name: new RegExp(label.replace(/[().]/g, '\\$&')) }).isChecked());
}

void test('downloads a REFI-QDA project whose project.qde validates against the schema and holds the demo codes', async (t) => {
  const pages: Record<string, Page> = {};
  const dir = await mkdtemp(path.join(tmpdir(), 'qdpx-e2e-'));
  try {
    const mei = (pages.mei = await suite.newPage());
    await openExports(mei);
    await pickFormat(mei, 'REFI-QDA project (.qdpx)');
    const [download] = await Promise.all([mei.waitForEvent('download'), mei.getByRole('link', { name: 'Download REFI-QDA project (.qdpx)' }).click()]);
    assert.match(download.suggestedFilename(), /^MSS-counter-espionage-mobilisation-\d{4}-\d\d-\d\d\.qdpx$/);
    const archive = path.join(dir, 'project.qdpx');
    await download.saveAs(archive);
    const listing = (await run('unzip', ['-Z1', archive])).stdout.split('\n').filter(Boolean);
    assert.ok(listing.includes('project.qde'), listing.join(', '));
    assert.ok(listing.filter((name) => /^sources\/[0-9a-f-]{36}\.txt$/.test(name)).length >= 5, `the demo's articles are in sources/: ${listing.join(', ')}`);
    const qde = (await run('unzip', ['-p', archive, 'project.qde'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    const qdeFile = path.join(dir, 'project.qde');
    await writeFile(qdeFile, qde);
    // xmllint exits non-zero, with the reasons, when the document is not valid.
    const validation = await run('xmllint', ['--noout', '--schema', PROJECT_XSD, qdeFile]);
    assert.match(validation.stderr, /project\.qde validates/);
    const codes = new Set([...qde.matchAll(/<Code\b[^>]*\bname="([^"]*)"/g)].map((match) => unescapeXml(match[1]!)));
    for (const name of await demoTagNames()) assert.ok(codes.has(name), `the code "${name}" is in project.qde`);
    assert.match(qde, /<Coding\b/);
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

void test('prepares an export in the background: listed as waiting, then ready with a Download button, live', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    await openExports(mei);
    await pickFormat(mei, 'W3C Web Annotation (JSON-LD)');
    const jobs = mei.getByRole('list', { name: 'Background exports' });
    // Every state the job's badge shows, in order, whether a render lasts a frame or longer.
    await mei.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { exportStates: string[] }).exportStates = seen;
      new MutationObserver(() => {
        const badge = document.querySelector('.export-jobs .export-job .badge');
        const text = badge?.textContent ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await mei.getByRole('button', { name: 'Prepare in the background' }).click();
    const job = jobs.getByRole('listitem').filter({ hasText: 'W3C Web Annotation (JSON-LD)' }).first();
    const downloadLink = job.getByRole('link', { name: /^Download MSS-counter-espionage-mobilisation-\d{4}-\d\d-\d\d\.jsonld$/ });
    await downloadLink.waitFor();
    await job.getByText(/kept until/).waitFor();
    const states = await mei.evaluate(() => (window as unknown as { exportStates: string[] }).exportStates);
    assert.equal(states[0], 'Waiting', `the job is listed before it runs: ${states.join(' → ')}`);
    assert.equal(states.at(-1), 'Ready', states.join(' → '));
    const wide = await saveScreenshot(mei, 'exports-background-1280', { fullPage: true });
    assert.ok(wide.distinctColours > 8, 'the background exports screenshot is not blank');

    const [download] = await Promise.all([mei.waitForEvent('download'), downloadLink.click()]);
    const collection = JSON.parse(await readFile((await download.path())!, 'utf8')) as { type: string; total: number; first: { items: unknown[] } };
    assert.equal(collection.type, 'AnnotationCollection');
    assert.ok(collection.total > 0 && collection.first.items.length > 0, `annotations in the file: ${String(collection.total)}`);

    const phoneContext = await suite.newContext({ viewport: { width: 390, height: 844 } });
    const phone = (pages.phone = await phoneContext.newPage());
    await openExports(phone);
    await phone.getByRole('list', { name: 'Background exports' }).getByRole('listitem').first().waitFor();
    const narrow = await saveScreenshot(phone, 'exports-background-390', { fullPage: true });
    assert.ok(narrow.distinctColours > 8, 'the phone screenshot is not blank');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${String(overflow)} px too wide)`);

    // Deleted from the list, with its file.
    await job.getByRole('button', { name: /^Delete the W3C Web Annotation \(JSON-LD\) export of / }).click();
    await job.waitFor({ state: 'detached' });
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
