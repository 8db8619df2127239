/** On failure: a full-page screenshot of every open page and the server log, in e2e/artifacts/. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
