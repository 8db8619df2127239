/**
 * During a database outage the job queue's workers (imports, exports) fail on every poll. The
 * queue pauses them and backs off, and says once that the database is unreachable, and once
 * that it is back, instead of a stack trace per worker every two seconds; then an import runs
 * again. The outage is real: the database stops accepting connections and its sessions are
 * ended, for several of the workers' poll intervals.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportJob } from '@marginalia/shared';
import { registerUser } from './api-client.js';
import { API_STARTUP_TIMEOUT_MS, killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { createWorkspace } from './fixtures.js';
import { pollJob } from './fixtures/imports/import-client.js';
import { eventually } from './collab-client.js';
import { createTestDatabase, TEST_SERVER_URL_ENV, withServer, type TestDatabase } from './test-database.js';

/** Three of the workers' 2 s polls: without the pause each worker would log each time. */
const OUTAGE_MS = 6_000;

let database: TestDatabase;
let server: ApiProcess;

async function databaseReachable(reachable: boolean): Promise<void> {
  await withServer(process.env[TEST_SERVER_URL_ENV]!, async (client) => {
    await client.query(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS ${reachable ? 'true' : 'false'}`);
    if (!reachable) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]);
  });
}

function logLines(context: string): string[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes(`"context":"${context}"`))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startApiProcess({ databaseUrl: database.url, env: { LOG_LEVEL: 'info' } });
}, API_STARTUP_TIMEOUT_MS + 30_000);

afterAll(async () => {
  await killAllApiProcesses();
  await databaseReachable(true).catch(() => undefined);
  await database?.drop();
});

describe('the job queue during a database outage', () => {
  it('says once that the database is unreachable, and once that it is back, then runs imports again', async () => {
    const owner = await registerUser(server.baseUrl, 'outage');
    const workspaceId = await createWorkspace(owner, 'Outage');
    await databaseReachable(false);
    await eventually(() => logLines('Jobs').some((line) => line.startsWith('the database is unreachable')), 10_000, 'the outage to be reported');
    // The fault lasts a while, as a real one does.
    await sleep(OUTAGE_MS);
    await databaseReachable(true);
    await eventually(() => logLines('Jobs').some((line) => line.startsWith('the database is reachable again')), 90_000, 'the recovery to be reported');
    const lines = logLines('Jobs');
    expect(lines.filter((line) => line.startsWith('the database is unreachable'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('job queue:'))).toEqual([]);
    expect(logLines('Imports')).toEqual([]);

    const queued = await owner.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: 'Written after the outage.' });
    expect((await pollJob(owner.client, workspaceId, queued.body.id)).at(-1)).toMatchObject({ status: 'succeeded', acceptedCount: 1 });
  }, 120_000);
});
