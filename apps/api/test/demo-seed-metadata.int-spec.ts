/**
 * The demo workspace as a new user first sees it: each article's metadata is what its text
 * states (an outlet the text names, a date the text pins down), no scraping artefacts in the
 * text, and seeding again (every start) adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadDemoSeed, seedDemoWorkspace, type DemoSeed } from '../src/seed/demo-seed.js';
import { createTestApp, type TestApp } from './create-test-app.js';

interface DocumentRow {
  title: string;
  source: string | null;
  published_on: string | null;
  text: string;
}

let app: TestApp;
let seed: DemoSeed;
let documents: DocumentRow[];

beforeAll(async () => {
  app = await createTestApp();
  seed = await loadDemoSeed();
  await seedDemoWorkspace(app.dataSource);
  documents = (await app.dataSource.query(`SELECT title, source, to_char(published_on, 'YYYY-MM-DD') AS published_on, text FROM documents WHERE workspace_id = $1 ORDER BY source_filename`, [seed.workspace.id])) as DocumentRow[];
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('the demo workspace', () => {
  it('has the five articles without the scraper artefact', () => {
    expect(documents).toHaveLength(5);
    for (const document of documents) expect(document.text).not.toMatch(/hasMore/);
    expect(documents[0]!.text.split('\n')[0]).toBe('Analysis: Ministry of National Security makes high-profile appearance, revealing the crisis of the Chinese Communist Party');
  });

  it('gives each article the outlet its text names, and a date only where the text pins it down', () => {
    expect(documents.map((document) => document.source)).toEqual(['The Epoch Times', null, 'Dajiyuan (The Epoch Times, Chinese edition)', null, 'Daily Caller News Foundation']);
    expect(documents[0]!.text).toContain('told Epoch Times');
    expect(documents[2]!.text).toContain('told Dajiyuan');
    expect(documents[4]!.text).toContain('Content created by The Daily Caller News Foundation');
    // "On Monday (April 26)": April 26 fell on a Monday in 2021.
    expect(documents.map((document) => document.published_on)).toEqual([null, null, null, '2021-04-26', null]);
    expect(documents[3]!.text).toContain('On Monday (April 26)');
    expect(new Date('2021-04-26T12:00:00Z').getUTCDay()).toBe(1);
  });

  it('adds nothing when seeded again', async () => {
    await seedDemoWorkspace(app.dataSource);
    const [{ count }] = (await app.dataSource.query('SELECT count(*)::int AS count FROM documents WHERE workspace_id = $1', [seed.workspace.id])) as [{ count: number }];
    expect(count).toBe(5);
  });
});
