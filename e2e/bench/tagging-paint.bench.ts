/**
 * The browser half of `pnpm bench:tagging`: first paint of a document with 5,000 overlapping
 * highlights in Chromium (target < 500 ms). Seeds, through the HTTP API, a 200-passage document
 * (the shape of the API half's reader document) with 5,000 annotations (spans of 5-305
 * characters, 1-3 of 24 tags each, by 4 analysts) and, as the reference in the same run, the
 * same text (but one letter) with none; then opens each several times, alternating, two ways:
 * a) from the corpus list, the app already loaded (click to paint: what opening a document
 * costs), b) a cold load of the reader's URL in a new browser context (navigation start to paint,
 * app start-up included). The end is the reader's 'annotations-painted' mark
 * (layers/paint-mark.ts: after the frame that drew the CSS highlights). Prints p50 and max, the
 * ratio to the reference, and met/MISSED (on the max). Knobs: BENCH_PAINT_ANNOTATIONS=5000, BENCH_PAINT_RUNS=5. Run
 * `pnpm build` first.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { CorpusPage } from '../pages/CorpusPage.js';
import { ApiSession } from '../support/api-session.js';
import { startApp } from '../support/app-server.js';
import { launchBrowser } from '../support/browser.js';
import { seededRandom } from '../support/seeded-random.js';

const ANNOTATIONS = Number(process.env.BENCH_PAINT_ANNOTATIONS ?? 5_000);
const RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 5);
const PASSAGES = 200;
const TAGS = 24;
const ANALYSTS = 4;
const CONCURRENCY = 8;
const TARGET_MS = 500;
const VIEWPORT = { width: 1366, height: 900 };
const PASSWORD = 'paper lantern harbour';
const FULL_TITLE = `Coded report (${String(ANNOTATIONS)} annotations)`;
const REFERENCE_TITLE = 'Reference report (no annotations)';
const WORDS = 'the ministry of state security calls on citizens to report spies analysts say campaign shows insecurity control nationalism rivalry war'.split(' ');


function documentText(random: () => number): string {
  return Array.from({ length: PASSAGES }, (_unused, p) => {
    const words = Array.from({ length: 14 }, () => WORDS[Math.floor(random() * WORDS.length)]);
    return `Passage ${String(p + 1)}: ${words.join(' ')}.`;
  }).join('\n\n');
}

interface Seeded {
  workspaceId: string;
  owner: ApiSession;
  fullId: string;
  referenceId: string;
  seedSeconds: number;
  answerMs: number;
}

async function seed(baseUrl: string): Promise<Seeded> {
  const started = performance.now();
  const random = seededRandom(14);
  const suffix = randomBytes(4).toString('hex');
  const owner = new ApiSession(baseUrl);
  await owner.register(`paint-owner-${suffix}@example.test`, 'Paint Bench', PASSWORD);
  const workspaceId = await owner.createWorkspace('Paint benchmark');
  const analysts = [owner];
  for (let i = 1; i < ANALYSTS; i += 1) {
    const analyst = new ApiSession(baseUrl);
    const email = `paint-analyst-${String(i)}-${suffix}@example.test`;
    await analyst.register(email, `Analyst ${String(i + 1)}`, PASSWORD);
    const invite = await owner.request<{ inviteToken: string }>('POST', `/workspaces/${workspaceId}/members`, { email, role: 'editor' });
    // Members join by accepting their invitation.
    await analyst.request('POST', `/invites/${invite.inviteToken}/accept`);
    analysts.push(analyst);
  }
  const tagIds: string[] = [];
  for (let i = 0; i < TAGS; i += 1) tagIds.push((await owner.request<{ id: string }>('POST', `/workspaces/${workspaceId}/tags`, { name: `Tag ${String(i + 1)}` })).id);

  const text = documentText(random);
  const fullId = await owner.pasteDocument(workspaceId, FULL_TITLE, text);
  // One letter differs: the workspace refuses a second copy of the same text.
  const referenceId = await owner.pasteDocument(workspaceId, REFERENCE_TITLE, text.replace('Passage 1:', 'Passage I:'));
  const length = [...text].length;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ANNOTATIONS) {
        const index = next++;
        const start = Math.floor(random() * (length - 400));
        const end = start + 5 + Math.floor(random() * 300);
        const tags = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => tagIds[Math.floor(random() * tagIds.length)]!));
        await analysts[index % ANALYSTS]!.request('POST', `/workspaces/${workspaceId}/annotations`, { documentId: fullId, start, end, tagIds: [...tags] });
      }
    }),
  );
  const seedSeconds = (performance.now() - started) / 1000;
  // The annotations answer alone, from Node (no browser), for the breakdown.
  const answers: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const asked = performance.now();
    await owner.request('GET', `/workspaces/${workspaceId}/annotations?documentId=${fullId}`);
    answers.push(performance.now() - asked);
  }
  return { workspaceId, owner, fullId, referenceId, seedSeconds, answerMs: summary(answers).p50 };
}

interface Paint {
  paintedMs: number;
  registeredMs: number;
  /** When the document's and the annotations' answers had arrived. */
  documentMs: number;
  annotationsMs: number;
  ranges: number;
}

/** One cold load: a new context (empty cache), until the reader's painted mark. */
async function firstPaint(browser: Browser, session: ApiSession, url: string): Promise<Paint> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(60_000);
  await session.shareWith(context);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('annotations-painted').length > 0);
    return await page.evaluate(() => {
      const [painted] = performance.getEntriesByName('annotations-painted');
      const [registered] = performance.getEntriesByName('annotations-registered');
      let ranges = 0;
      for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) if (name.startsWith('tag-')) ranges += highlight.size;
      const arrived = (pattern: RegExp) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => pattern.test(new URL(entry.name).pathname + new URL(entry.name).search))?.responseEnd ?? Number.NaN;
      return {
        paintedMs: painted!.startTime,
        registeredMs: registered!.startTime,
        documentMs: arrived(/\/documents\/[^/?]+$/),
        annotationsMs: arrived(/\/annotations\?documentId=/),
        ranges,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * Opening the document from the corpus list, the app already loaded (a new context each time, so
 * nothing of the document is cached): from the click on its title to the reader's painted mark.
 */
async function paintFromList(browser: Browser, session: ApiSession, listUrl: string, title: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(60_000);
  await session.shareWith(context);
  const page = await context.newPage();
  try {
    await page.goto(listUrl);
    const corpus = new CorpusPage(page);
    await corpus.waitUntilShown();
    await corpus.documentLink(title).waitFor();
    await page.evaluate(() => {
      window.addEventListener('click', () => performance.mark('bench-click'), { capture: true, once: true });
    });
    await corpus.documentLink(title).click();
    await page.waitForFunction(() => performance.getEntriesByName('annotations-painted').length > 0);
    return await page.evaluate(() => performance.getEntriesByName('annotations-painted')[0]!.startTime - performance.getEntriesByName('bench-click')[0]!.startTime);
  } finally {
    await context.close();
  }
}

function summary(values: number[]): { p50: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const row = (cells: string[]) => `${cells[0]!.padEnd(46)} ${cells.slice(1).map((cell) => cell.padStart(12)).join(' ')}`;

async function main(): Promise<void> {
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const seeded = await seed(app.baseUrl);
    const urlOf = (documentId: string) => `${app.baseUrl}/w/${seeded.workspaceId}/corpus/${documentId}`;
    // A warm-up load of each (the server's first answers, Chromium's first compile), not counted.
    await firstPaint(browser, seeded.owner, urlOf(seeded.referenceId));
    await firstPaint(browser, seeded.owner, urlOf(seeded.fullId));
    const full: Paint[] = [];
    const reference: Paint[] = [];
    const fullFromList: number[] = [];
    const referenceFromList: number[] = [];
    const listUrl = `${app.baseUrl}/w/${seeded.workspaceId}/corpus`;
    for (let run = 0; run < RUNS; run += 1) {
      reference.push(await firstPaint(browser, seeded.owner, urlOf(seeded.referenceId)));
      full.push(await firstPaint(browser, seeded.owner, urlOf(seeded.fullId)));
      referenceFromList.push(await paintFromList(browser, seeded.owner, listUrl, REFERENCE_TITLE));
      fullFromList.push(await paintFromList(browser, seeded.owner, listUrl, FULL_TITLE));
    }
    const listFull = summary(fullFromList);
    const listReference = summary(referenceFromList);
    const fullPainted = summary(full.map((paint) => paint.paintedMs));
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');
    const verdict = (value: number) => (value < TARGET_MS ? 'met' : 'MISSED');
    const stage = (label: string, pick: (paint: Paint) => number) => {
      const figures = summary(full.map(pick));
      return row([`  ${label}`, ms(figures.p50), ms(figures.max), '', '']);
    };
    const referencePainted = summary(reference.map((paint) => paint.paintedMs));
    const lines = [
      '',
      `4. First paint of a document with ${String(ANNOTATIONS)} overlapping highlights in Chromium ${browser.version()} (viewport ${String(VIEWPORT.width)}x${String(VIEWPORT.height)}, ${String(RUNS)} runs each, alternating; ${String(PASSAGES)} passages, 1-3 of ${String(TAGS)} tags, ${String(ANALYSTS)} analysts; seeded through the API in ${seeded.seedSeconds.toFixed(1)} s)`,
      row(['', 'p50', 'max', 'p50 ratio', `target < ${String(TARGET_MS)} ms (max)`]),
      'a) opened from the corpus list (app loaded): click to highlights painted',
      row([`  ${String(ANNOTATIONS)} annotations`, ms(listFull.p50), ms(listFull.max), ratio(listFull.p50, listReference.p50), verdict(listFull.max)]),
      row(['  reference: same text, no annotations', ms(listReference.p50), ms(listReference.max), '1.00x', '']),
      'b) cold load of the reader URL (new browser context): navigation start to highlights painted',
      row([`  ${String(ANNOTATIONS)} annotations`, ms(fullPainted.p50), ms(fullPainted.max), ratio(fullPainted.p50, referencePainted.p50), verdict(fullPainted.max)]),
      stage('  of which: document answer arrived', (paint) => paint.documentMs),
      stage('  of which: annotations answer arrived', (paint) => paint.annotationsMs),
      stage('  of which: highlights set (that frame)', (paint) => paint.registeredMs),
      row(['  reference: same text, no annotations', ms(referencePainted.p50), ms(referencePainted.max), '1.00x', '']),
      `GET /annotations?documentId= for the coded document, from Node: p50 ${ms(seeded.answerMs)} of 5.`,
      `Tag highlight ranges on screen at first paint: ${String(full[0]?.ranges ?? 0)} (coded), ${String(reference[0]?.ranges ?? 0)} (reference).`,
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
