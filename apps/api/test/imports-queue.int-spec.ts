/**
 * The import queue as several API processes share it, against real Postgres (no app, so no
 * worker competes for the jobs): each job is claimed once, and a job whose process died is
 * found by any other process and failed, while a live job is left alone.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { ABANDONED_JOB_ERROR, ImportQueue, type ClaimedJob } from '../src/modules/imports/import-queue.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

describe('import queue', () => {
  let database: TestDatabase;
  /** Two data sources stand for two API processes. */
  let processA: DataSource;
  let processB: DataSource;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    processA = await new DataSource(buildDataSourceOptions(database.url)).initialize();
    processB = await new DataSource(buildDataSourceOptions(database.url)).initialize();
    [{ id: workspaceId }] = (await processA.query(`INSERT INTO workspaces (name) VALUES ('Queue') RETURNING id`)) as [{ id: string }];
  });
  afterAll(async () => {
    await processA.destroy();
    await processB.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    await processA.query('DELETE FROM import_jobs');
  });

  const addJob = async (status: 'queued' | 'running'): Promise<string> => {
    const [{ id }] = (await processA.query(`INSERT INTO import_jobs (workspace_id, status) VALUES ($1, $2) RETURNING id`, [workspaceId, status])) as [{ id: string }];
    await processA.query(`INSERT INTO import_uploads (job_id, position, filename, content) VALUES ($1, 0, 'a.txt', '\\x61')`, [id]);
    return id;
  };
  const jobRow = async (id: string): Promise<{ status: string; error: string | null; uploads: number }> => {
    const [row] = (await processA.query(`SELECT status, error, (SELECT count(*)::int FROM import_uploads WHERE job_id = $1) AS uploads FROM import_jobs WHERE id = $1`, [id])) as { status: string; error: string | null; uploads: number }[];
    return row!;
  };

  it('hands each queued job to exactly one process', async () => {
    const first = await addJob('queued');
    const second = await addJob('queued');
    const queues = [new ImportQueue(processA), new ImportQueue(processB), new ImportQueue(processA)];
    const claims = await Promise.all(queues.map((queue) => queue.claimNext()));
    try {
      const claimed = claims.filter((claim): claim is ClaimedJob => claim !== null);
      expect(claimed.map((claim) => claim.id).sort()).toEqual([first, second].sort());
      expect(claims.filter((claim) => claim === null)).toHaveLength(1);
      expect((await jobRow(first)).status).toBe('running');
    } finally {
      for (const [index, claim] of claims.entries()) if (claim) await queues[index]!.release(claim);
    }
  });

  it('fails a running job whose process died, and leaves a live one alone', async () => {
    const live = await addJob('queued');
    const queueA = new ImportQueue(processA);
    const claimed = (await queueA.claimNext())!;
    expect(claimed.id).toBe(live);
    // Process B crashes mid-job: its connection, and with it the job's lock, goes away.
    const dying = await addJob('queued');
    const queueB = new ImportQueue(processB);
    const doomed = (await queueB.claimNext())!;
    expect(doomed.id).toBe(dying);
    const [{ pid }] = (await doomed.connection.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    // With a timeout, pg_terminate_backend waits until the backend (and its locks) are gone.
    await processA.query('SELECT pg_terminate_backend($1, 10000)', [pid]);
    await doomed.connection.release().catch(() => undefined);
    try {
      // Any process's sweep finds it.
      expect(await new ImportQueue(processA).failAbandoned()).toEqual([dying]);
      expect(await jobRow(dying)).toEqual({ status: 'failed', error: ABANDONED_JOB_ERROR, uploads: 0 });
      expect(await jobRow(live)).toEqual({ status: 'running', error: null, uploads: 1 });
      expect(await new ImportQueue(processB).failAbandoned()).toEqual([]);
    } finally {
      await queueA.release(claimed);
    }
  });

  it('puts a job back in the queue when its process shuts down', async () => {
    const id = await addJob('queued');
    const queue = new ImportQueue(processA);
    const claimed = (await queue.claimNext())!;
    await queue.requeue(claimed);
    await queue.release(claimed);
    expect(await jobRow(id)).toEqual({ status: 'queued', error: null, uploads: 1 });
    const queueB = new ImportQueue(processB);
    const again = await queueB.claimNext();
    expect(again?.id).toBe(id);
    if (again) await queueB.release(again);
  });
});
