/**
 * Screenshots and logs in e2e/artifacts/: on failure, every open page and the server log; on
 * purpose, named screenshots a spec always keeps (e.g. the reader, for review).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { countColours, decodePng } from './png.js';
import { ARTIFACTS_DIR } from './paths.js';

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export async function saveFailureArtifacts(testName: string, pages: Record<string, Page>, serverLog: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = `${slug(testName)}-${stamp}`;
  for (const [name, page] of Object.entries(pages)) {
    if (page.isClosed()) continue;
    const file = path.join(ARTIFACTS_DIR, `${base}-${slug(name)}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true });
      console.error(`screenshot of ${name} (${page.url()}): ${file}`);
    } catch (error) {
      console.error(`could not screenshot ${name}:`, error);
    }
  }
  const logFile = path.join(ARTIFACTS_DIR, `${base}-server.log`);
  await writeFile(logFile, serverLog);
  console.error(`server log: ${logFile}`);
}

export interface SavedScreenshot {
  path: string;
  bytes: number;
  /** Distinct colours in a sample of the image's pixels: 1 means blank. */
  distinctColours: number;
}

/** A screenshot kept on every run under a stable name, with what it takes to tell it is not blank. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<SavedScreenshot> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${slug(name)}.png`);
  const buffer = await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return { path: file, bytes: buffer.length, distinctColours: countColours(decodePng(buffer)) };
}
