/**
 * The demo workspace's coding: seeded once even when several nodes start together, coding every
 * article by three analysts, with real agreement and disagreement for the comparison view.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { loadDemoCoding } from '../src/seed/demo-coding.js';
import { SEEDS_DIR, loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';

describe('demo coding', () => {
  let app: TestApp;
  let workspaceId: string;
  let mei: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    // Three nodes starting at once: the advisory lock lets one write the codebook and coding.
    const results = await Promise.all([seedDemoWorkspace(app.dataSource), seedDemoWorkspace(app.dataSource), seedDemoWorkspace(app.dataSource)]);
    workspaceId = results[0].workspaceId;
    const seed = await loadDemoSeed();
    mei = new ApiClient(app.baseUrl);
    const login = await mei.post('/auth/login', { email: 'mei@demo.marginalia.test', password: seed.password });
    expect(login.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('writes the codebook and every analyst\u2019s annotations once, and never again once people own the codebook', async () => {
    const coding = await loadDemoCoding(SEEDS_DIR);
    const expected = coding.annotations.reduce((sum, entry) => sum + Object.keys(entry.by).length, 0);
    const count = async (table: string) => ((await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId])) as [{ n: number }])[0].n;
    expect(await count('tags')).toBe(27);
    expect(await count('annotations')).toBe(expected);
    // Someone deletes a seeded tag: a restart must not bring it back.
    const { body } = await mei.get(`/workspaces/${workspaceId}/tags`);
    const war = body.tags.find((tag: { name: string }) => tag.name === 'War preparation');
    expect((await mei.delete(`/workspaces/${workspaceId}/tags/${war.id}?annotations=delete`)).status).toBe(204);
    await seedDemoWorkspace(app.dataSource);
    expect(await count('tags')).toBe(26);
  });

  it('codes every article with three analysts who agree on much and differ on some', async () => {
    const members = (await mei.get(`/workspaces/${workspaceId}/members`)).body.members as { userId: string; email: string }[];
    const analystIds = ['mei', 'tomas', 'aisha'].map((name) => members.find((member) => member.email === `${name}@demo.marginalia.test`)!.userId);
    const documents = (await mei.get(`/workspaces/${workspaceId}/documents`)).body.documents as { id: string }[];
    for (const analystId of analystIds) {
      const { body } = await mei.get(`/workspaces/${workspaceId}/tag-frequencies?analystId=${analystId}`);
      expect(new Set(body.byDocument.map((row: { documentId: string }) => row.documentId)).size).toBe(documents.length);
    }
    const { body } = await mei.get(`/workspaces/${workspaceId}/agreement?analysts=${analystIds.join(',')}`);
    expect(body.documents).toBe(5);
    expect(body.overall.completeUnits).toBe(body.overall.units);
    expect(body.overall.krippendorffAlpha).toBeGreaterThan(0.5);
    expect(body.overall.krippendorffAlpha).toBeLessThan(0.95);
    const alphas = body.tags.map((tag: { passages: { krippendorffAlpha: number | null } }) => tag.passages.krippendorffAlpha).filter((alpha: number | null) => alpha !== null);
    expect(Math.max(...alphas)).toBe(1);
    expect(Math.min(...alphas)).toBeLessThan(0.5);
  });
});
