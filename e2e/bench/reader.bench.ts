/**
 * `pnpm bench:reader`: the reader at the size of a real report, in Chromium. Seeds a
 * generated 4,017-passage document (2,000,000 characters, the import limit) and, as the
 * reference in the same run, a 100-passage one; then prints for each: first passage visible
 * from a cold load, the longest main-thread task while loading, the deep-link landing error
 * for the first, middle and last passage, the worst frame while scrolling (and whether the
 * page grew meanwhile), the time of one `j` step, and Find's listed matches against the
 * expected count. Run `pnpm build` first.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api-session.js';
import { startApp } from '../support/app-server.js';
import { launchBrowser } from '../support/browser.js';
import { FIND_MARKER, longDocument } from '../support/long-document.js';
import { installLoadProbe, jStep, landingError, scrollFrames, waitForStillness } from '../support/reader-probes.js';

const VIEWPORT = { width: 1366, height: 900 };
const J_STEPS = 30;

interface Figures {
  passages: number;
  documentKb: string;
  firstPassageMs: number;
  longestLoadTaskMs: number;
  landing: [number, number, number];
  worstFrameMs: number;
  framesOver33: number;
  heightGrowthPx: number;
  jMedianMs: number;
  jMaxMs: number;
  findListed: number;
  findExpected: number;
}

async function measure(browser: Browser, session: ApiSession, url: string, passages: number, markerCount: number): Promise<Figures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(60_000);
  await session.shareWith(context);
  await context.addInitScript(installLoadProbe);
  const page = await context.newPage();
  try {
    // Cold load: a new context has an empty cache.
    await page.goto(url);
    await page.waitForFunction(() => window.__readerBench?.firstPassageAt !== null);
    await page.evaluate(waitForStillness, 30);
    const load = await page.evaluate(() => window.__readerBench!);
    const firstPassageMs = load.firstPassageAt!;
    const longestLoadTaskMs = Math.max(0, ...load.longTasks.map((task) => task.duration));
    const documentKb = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((resource): resource is PerformanceResourceTiming => /\/api\/workspaces\/[^/]+\/documents\/[^/?]+$/.test(new URL(resource.name).pathname));
      return entry ? `${(entry.encodedBodySize / 1024).toFixed(0)} of ${(entry.decodedBodySize / 1024).toFixed(0)} kB` : '?';
    });

    const scroll = await page.evaluate(scrollFrames, { frames: 300, step: 120 });

    const middle = Math.ceil(passages / 2);
    const landing: number[] = [];
    for (const number of [1, middle, passages]) {
      await page.goto(`${url}?p=${String(number)}`);
      await page.waitForFunction((id) => document.activeElement?.id === id, `p-${String(number)}`);
      await page.evaluate(waitForStillness, 20);
      landing.push(await page.evaluate(landingError, number));
    }

    await page.goto(`${url}?p=1`);
    await page.waitForFunction(() => document.activeElement?.id === 'p-1');
    await page.evaluate(waitForStillness, 10);
    const steps: number[] = [];
    for (let number = 2; number <= Math.min(passages, J_STEPS + 1); number += 1) steps.push(await page.evaluate(jStep, number));
    steps.sort((a, b) => a - b);

    const findListed = await countFindMatches(page, `${url}?find=${FIND_MARKER}`);
    return {
      passages,
      documentKb,
      firstPassageMs,
      longestLoadTaskMs,
      landing: landing as [number, number, number],
      worstFrameMs: scroll.worst,
      framesOver33: scroll.over33,
      heightGrowthPx: scroll.heightAfter - scroll.heightBefore,
      jMedianMs: steps[Math.floor(steps.length / 2)] ?? Number.NaN,
      jMaxMs: steps[steps.length - 1] ?? Number.NaN,
      findListed,
      findExpected: markerCount,
    };
  } finally {
    await context.close();
  }
}

/** Opens Find with the marker and counts the listed matches over every page of results. */
async function countFindMatches(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const results = page.getByRole('region', { name: 'Find in this document' }).or(page.locator('.reader-find'));
  await page.getByRole('status').filter({ hasText: /matching passages?|No passage matches/ }).first().waitFor();
  let listed = 0;
  for (;;) {
    listed += await results.locator('.find-results > li').count();
    const next = page.getByRole('button', { name: 'Next matches' });
    if ((await next.count()) === 0 || (await next.isDisabled())) return listed;
    const before = await results.locator('.find-results > li').first().textContent();
    await next.click();
    await page.waitForFunction(
      (text) => document.querySelector('.find-results > li')?.textContent !== text,
      before,
    );
  }
}

function row(label: string, reference: string, full: string, ratio: string, target: string): string {
  return `${label.padEnd(38)} ${reference.padStart(16)} ${full.padStart(18)} ${ratio.padStart(8)}   ${target}`;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const ratio = (full: number, reference: number) => (reference > 0 ? `${(full / reference).toFixed(1)}x` : '-');

async function main(): Promise<void> {
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const session = new ApiSession(app.baseUrl);
    await session.register(`bench-${randomBytes(4).toString('hex')}@example.test`, 'Reader Bench', 'paper lantern harbour');
    const workspaceId = await session.createWorkspace('Reader benchmark');
    const small = longDocument(100, 49_800);
    const large = longDocument(4_017, 2_000_000);
    const smallId = await session.pasteDocument(workspaceId, 'Reference report (100 passages)', small.text);
    const largeId = await session.pasteDocument(workspaceId, 'Long report (4,017 passages)', large.text);
    const reference = await measure(browser, session, `${app.baseUrl}/w/${workspaceId}/corpus/${smallId}`, small.passages, small.markerPassages.length);
    const full = await measure(browser, session, `${app.baseUrl}/w/${workspaceId}/corpus/${largeId}`, large.passages, large.markerPassages.length);

    const lines = [
      `Reader benchmark, Chromium ${browser.version()}, viewport ${String(VIEWPORT.width)}x${String(VIEWPORT.height)}`,
      row('', '100 passages', '4,017 passages', 'ratio', 'target (4,017)'),
      row('document JSON transferred', reference.documentKb, full.documentKb, '', 'compressed'),
      row('first passage visible, cold load', ms(reference.firstPassageMs), ms(full.firstPassageMs), ratio(full.firstPassageMs, reference.firstPassageMs), '< 1000 ms'),
      row('longest main-thread task, load', ms(reference.longestLoadTaskMs), ms(full.longestLoadTaskMs), '', '< 100 ms (0 = none over 50 ms)'),
      row('deep link error first/middle/last', reference.landing.join('/') + ' px', full.landing.join('/') + ' px', '', '0/0/0 px'),
      row('worst frame, scrolling 300 frames', ms(reference.worstFrameMs), ms(full.worstFrameMs), ratio(full.worstFrameMs, reference.worstFrameMs), '< 33 ms'),
      row('frames over 33 ms', String(reference.framesOver33), String(full.framesOver33), '', '0'),
      row('page height change while scrolling', `${String(reference.heightGrowthPx)} px`, `${String(full.heightGrowthPx)} px`, '', '0 px'),
      row(`j step, median of ${String(J_STEPS)}`, ms(reference.jMedianMs), ms(full.jMedianMs), ratio(full.jMedianMs, reference.jMedianMs), '< 16 ms'),
      row(`j step, worst of ${String(J_STEPS)}`, ms(reference.jMaxMs), ms(full.jMaxMs), ratio(full.jMaxMs, reference.jMaxMs), ''),
      row('Find: listed / expected passages', `${String(reference.findListed)}/${String(reference.findExpected)}`, `${String(full.findListed)}/${String(full.findExpected)}`, '', 'all'),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`${app.log().slice(-4000)}\n`);
    throw error;
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
