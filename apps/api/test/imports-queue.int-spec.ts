/**
 * Imports on the job queue as several real API processes share it: a process SIGKILLed in the
 * middle of an import leaves a job that another process fails with a clear message (and never
 * runs again, so one bad file cannot take down every process in turn), and a process stopped
 * with SIGTERM puts its job back for another process to finish. Real processes, real
 * Postgres, real signals.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImportJob } from '@marginalia/shared';
import { ApiClient, TEST_PASSWORD, registerUser, type TestUser } from './api-client.js';
import { API_STARTUP_TIMEOUT_MS, killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { eventually } from './collab-client.js';
import { createWorkspace } from './fixtures.js';
import { pollJob, uploadFiles, type UploadFile } from './fixtures/imports/import-client.js';
import { ABANDONED_JOB_ERROR } from '../src/modules/imports/import-job-store.js';
import { createTestDatabase, withServer, type TestDatabase } from './test-database.js';

/** The queue's heartbeat (10 s) plus one monitor pass (10 s), with room for a busy machine. */
const CRASH_NOTICED_MS = 60_000;
/** Caps on waits that end as soon as what they wait for happens, generous for a loaded machine. */
const UNDER_WAY_MS = 120_000;
const JOB_DONE_MS = 120_000;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await killAllApiProcesses();
  await database.drop();
});

/** Enough text that the job is still reading when the signal comes. */
function bigBatch(label: string): UploadFile[] {
  const sentence = `Report ${label}: the survey team visited the northern villages and recorded the water supply of each household. `;
  return Array.from({ length: 60 }, (_, index) => ({ name: `${label}-${index}.txt`, content: `${index}. ${sentence.repeat(1200)}` }));
}

async function signIn(server: ApiProcess, user: TestUser): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  const response = await client.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
  if (response.status !== 200 && response.status !== 201) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return client;
}

async function jobOf(client: ApiClient, workspaceId: string, jobId: string): Promise<ImportJob> {
  const response = await client.get<ImportJob>(`/workspaces/${workspaceId}/imports/${jobId}`);
  if (response.status !== 200) throw new Error(`job ${jobId}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Queues the big batch and resolves once the job is reading its files. */
async function startBigImport(server: ApiProcess, owner: TestUser, workspaceId: string, label: string): Promise<string> {
  const queued = await uploadFiles(owner.client, server.baseUrl, workspaceId, bigBatch(label));
  expect(queued.status).toBe(202);
  await eventually(async () => {
    const job = await jobOf(owner.client, workspaceId, queued.body.id);
    return job.status === 'running' && job.processedFiles > 0;
  }, UNDER_WAY_MS, 'the import to be under way');
  return queued.body.id;
}

async function storedFor(workspaceId: string): Promise<{ documents: number; uploads: number }> {
  return await withServer(database.url, async (client) => {
    const { rows } = await client.query<{ documents: number; uploads: number }>(
      `SELECT (SELECT count(*)::int FROM documents WHERE workspace_id = $1) AS documents,
              (SELECT count(*)::int FROM import_uploads u JOIN import_jobs j ON j.id = u.job_id WHERE j.workspace_id = $1) AS uploads`,
      [workspaceId],
    );
    return rows[0]!;
  });
}

describe('imports when an API process dies or stops', () => {
  it('runs each job exactly once while two processes share the queue', async () => {
    const [a, b] = await Promise.all([startApiProcess({ databaseUrl: database.url }), startApiProcess({ databaseUrl: database.url })]);
    const owner = await registerUser(a.baseUrl, 'shared');
    const workspaceId = await createWorkspace(owner, 'Shared');
    const clientB = await signIn(b, owner);
    const clients = [owner.client, clientB];
    const queued = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => (await clients[index % 2]!.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: `Note ${index} from the shared queue.` })).body.id),
    );
    for (const jobId of queued) expect((await pollJob(owner.client, workspaceId, jobId, JOB_DONE_MS)).at(-1)).toMatchObject({ status: 'succeeded', acceptedCount: 1 });
    // Each run ends with its audit entry: one per job.
    const finished = await withServer(database.url, async (pg) => (await pg.query<{ job: string }>(`SELECT details->>'jobId' AS job FROM audit_entries WHERE workspace_id = $1 AND action = 'import.finished'`, [workspaceId])).rows);
    expect(finished.map((entry) => entry.job).sort()).toEqual([...queued].sort());
    expect(await storedFor(workspaceId)).toEqual({ documents: 12, uploads: 0 });
    await Promise.all([a.kill(), b.kill()]);
  }, API_STARTUP_TIMEOUT_MS + 2 * JOB_DONE_MS);

  it('fails a job whose process was SIGKILLed, with a clear message, and does not run it again', async () => {
    const first = await startApiProcess({ databaseUrl: database.url });
    const owner = await registerUser(first.baseUrl, 'crash');
    const workspaceId = await createWorkspace(owner, 'Crash');
    const jobId = await startBigImport(first, owner, workspaceId, 'crash');
    await first.kill('SIGKILL');

    const second = await startApiProcess({ databaseUrl: database.url });
    const client = await signIn(second, owner);
    await eventually(async () => (await jobOf(client, workspaceId, jobId)).status === 'failed', CRASH_NOTICED_MS, 'the abandoned job to be failed');
    const failed = await jobOf(client, workspaceId, jobId);
    expect(failed).toMatchObject({ status: 'failed', error: ABANDONED_JOB_ERROR, acceptedCount: 0, finishedAt: expect.any(String) });
    expect(failed.files.every((file) => file.documentId === null && file.status !== 'accepted')).toBe(true);
    expect(await storedFor(workspaceId)).toEqual({ documents: 0, uploads: 0 });

    // The queue goes on: a later import runs to the end, and the failed one stays failed.
    const later = (await client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: 'A later note about the harbour.' })).body;
    const states = await pollJob(client, workspaceId, later.id, JOB_DONE_MS);
    expect(states.at(-1)).toMatchObject({ status: 'succeeded', acceptedCount: 1 });
    expect(await jobOf(client, workspaceId, jobId)).toEqual(failed);
    expect(await storedFor(workspaceId)).toEqual({ documents: 1, uploads: 0 });
    await second.kill();
  }, 2 * API_STARTUP_TIMEOUT_MS + UNDER_WAY_MS + CRASH_NOTICED_MS + JOB_DONE_MS);

  it('puts a job back when its process is stopped, and another process finishes it', async () => {
    const first = await startApiProcess({ databaseUrl: database.url });
    const owner = await registerUser(first.baseUrl, 'stop');
    const workspaceId = await createWorkspace(owner, 'Stop');
    const jobId = await startBigImport(first, owner, workspaceId, 'stop');
    await first.kill('SIGTERM');
    // Back in the queue, untouched, with nothing imported.
    const [row] = await withServer(database.url, async (pg) => (await pg.query<{ status: string; started_at: Date | null }>('SELECT status, started_at FROM import_jobs WHERE id = $1', [jobId])).rows);
    expect(row).toEqual({ status: 'queued', started_at: null });
    expect((await storedFor(workspaceId)).documents).toBe(0);

    const second = await startApiProcess({ databaseUrl: database.url });
    const secondClient = await signIn(second, owner);
    const states = await pollJob(secondClient, workspaceId, jobId, JOB_DONE_MS);
    expect(states.at(-1)).toMatchObject({ status: 'succeeded', totalFiles: 60, processedFiles: 60, acceptedCount: 60, error: null });
    expect(await storedFor(workspaceId)).toEqual({ documents: 60, uploads: 0 });
    await second.kill();
  }, 2 * API_STARTUP_TIMEOUT_MS + UNDER_WAY_MS + JOB_DONE_MS);
});
