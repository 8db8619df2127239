/**
 * During a database outage the import worker's loops fail on every poll. They back off and the
 * worker says once that the database is unreachable, and once that it is back, instead of a
 * stack trace per loop every two seconds. The outage is real: the database stops accepting
 * connections and its sessions are ended, for several of the worker's poll intervals.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { eventually } from './collab-client.js';
import { createTestDatabase, TEST_SERVER_URL_ENV, withServer, type TestDatabase } from './test-database.js';

/** Three of the worker's 2 s polls: without backoff each of its loops would log each time. */
const OUTAGE_MS = 6_000;

let database: TestDatabase;
let server: ApiProcess;

async function databaseReachable(reachable: boolean): Promise<void> {
  await withServer(process.env[TEST_SERVER_URL_ENV]!, async (client) => {
    await client.query(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS ${reachable ? 'true' : 'false'}`);
    if (!reachable) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]);
  });
}

function importLogLines(): string[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('"context":"Imports"'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startApiProcess({ databaseUrl: database.url, env: { LOG_LEVEL: 'info' } });
});

afterAll(async () => {
  await killAllApiProcesses();
  await databaseReachable(true).catch(() => undefined);
  await database?.drop();
});

describe('the import worker during a database outage', () => {
  it('says once that the database is unreachable, and once that it is back', async () => {
    await databaseReachable(false);
    await eventually(() => importLogLines().some((line) => line.startsWith('the database is unreachable')), 10_000, 'the outage to be reported');
    // The fault lasts a while, as a real one does.
    await sleep(OUTAGE_MS);
    await databaseReachable(true);
    await eventually(() => importLogLines().some((line) => line.startsWith('the database is reachable again')), 90_000, 'the recovery to be reported');
    const lines = importLogLines();
    expect(lines.filter((line) => line.startsWith('the database is unreachable'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('import worker:'))).toEqual([]);
  }, 120_000);
});
