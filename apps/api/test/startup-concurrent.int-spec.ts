/**
 * Nodes of a new deployment are usually started together: three API processes started at the
 * same moment against an empty database must all come up (migrations, demo seed and the
 * acceptance of its actors each done once), leaving exactly one copy of the demo workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ApiClient } from './api-client.js';
import { killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { createEmptyDatabase, type TestDatabase } from './test-database.js';
import { loadDemoSeed, type DemoSeed } from '../src/seed/demo-seed.js';

const NODES = 3;

let database: TestDatabase;
let seed: DemoSeed;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql, params);
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createEmptyDatabase();
  seed = await loadDemoSeed();
});

afterAll(async () => {
  await killAllApiProcesses();
  await database?.drop();
});

describe('several nodes starting together on a fresh database', () => {
  let nodes: ApiProcess[];

  it(`starts all ${NODES}`, async () => {
    const started = await Promise.allSettled(Array.from({ length: NODES }, () => startApiProcess({ databaseUrl: database.url, env: { SEED_DEMO: 'true' }, startupTimeoutMs: 120_000 })));
    const failures = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(failures).toEqual([]);
    nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }, 150_000);

  it('seeded the demo workspace once, with each listed actor accepted once', async () => {
    expect(await count('SELECT count(*) AS n FROM workspaces WHERE id = $1', [seed.workspace.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM documents WHERE workspace_id = $1', [seed.workspace.id])).toBe(seed.documents.length);
    expect(await count('SELECT count(*) AS n FROM actors WHERE workspace_id = $1', [seed.workspace.id])).toBe(seed.actors.length);
    expect(await count('SELECT count(*) AS n FROM (SELECT lower(name) FROM actors WHERE workspace_id = $1 GROUP BY 1 HAVING count(*) > 1) d', [seed.workspace.id])).toBe(0);
  });

  it('serves the demo account from every node', async () => {
    for (const node of nodes) {
      const client = new ApiClient(node.baseUrl);
      const login = await client.post('/auth/login', { email: seed.accounts[0]!.email, password: seed.password });
      expect(login.status).toBe(200);
      const actors = await client.get<{ actors: unknown[] }>(`/workspaces/${seed.workspace.id}/actors`);
      expect(actors.body.actors).toHaveLength(seed.actors.length);
    }
  });
});
