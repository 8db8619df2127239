/**
 * The demo workspace as `npm start` seeds it: its accepted actors' attributions point at whole
 * sentences, so a quote attributed to someone includes what they said, not just who they are.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OffsetMap } from '@marginalia/shared';
import { seedDemoWorkspace } from '../src/seed/demo-seed.js';
import { createTestApp, type TestApp } from './create-test-app.js';

interface AttributionRow {
  actor: string;
  file: string;
  passage: number;
  start: number;
  end: number;
  sentences: [number, number][];
  text: string;
}

describe('demo seed attributions', () => {
  let app: TestApp;
  let rows: AttributionRow[];

  beforeAll(async () => {
    app = await createTestApp();
    const { workspaceId } = await seedDemoWorkspace(app.dataSource);
    rows = (await app.dataSource.query(
      `SELECT ac.name AS actor, d.source_filename AS file, p.index + 1 AS passage, a.start, a."end", p.sentences, d.text
         FROM attributions a JOIN actors ac ON ac.id = a.actor_id JOIN documents d ON d.id = a.document_id JOIN passages p ON p.id = a.passage_id
        WHERE a.workspace_id = $1 ORDER BY d.source_filename, a.start`,
      [workspaceId],
    )) as AttributionRow[];
  });
  afterAll(async () => {
    await app.close();
  });

  const quoted = (row: AttributionRow): string => new OffsetMap(row.text).slice(row.start, row.end);

  it('attributes Yao Yuan his claim in passage 19 of "Analysis: Ministry...", past "St. Thomas"', () => {
    const yao = rows.filter((row) => row.actor === 'Yao Yuan' && row.file === '000_c8d13b9f905d7fc4.txt' && row.passage === 19);
    expect(yao.map(quoted)).toEqual([
      'Yao Yuan, an international studies professor at St. Thomas University in the United States, told Epoch Times that this is likely due to the CCP’s perception that public confidence in the regime is declining.',
    ]);
  });

  it('has every attribution resolve to exactly one sentence of its passage', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.sentences).toContainEqual([row.start, row.end]);
      // A sentence cut at an abbreviation ends in one: "... at St." or "... Mr."
      expect({ actor: row.actor, quote: quoted(row) }).not.toEqual({ actor: row.actor, quote: expect.stringMatching(/\b(St|Mr|Dr|Prof|U\.S)\.$/) });
    }
  });
});
