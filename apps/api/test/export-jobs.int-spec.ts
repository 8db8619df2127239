/**
 * Background exports on the demo workspace, over HTTP and the workspace socket, against real
 * Postgres and the real job queue: a job reports its progress as `exports.changed` events and
 * its file downloads byte for byte as the direct download would; who sees whose jobs; blind
 * coding applies as the job's creator sees the workspace; a large selection is refused as a
 * direct download and runs as a job; limits and refusals; deletion and the scheduled clean-up
 * of expired jobs and orphaned files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { access, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_LIMITS, ExportJobSchema, type ExportJob, type WorkspaceEvent, type WorkspaceExport } from '@marginalia/shared';
import { ApiClient, registerUser, type TestUser } from './api-client.js';
import { CollabSession, subscribe } from './collab-session.js';
import { eventually } from './collab-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace, expectApiError, insertDocument } from './fixtures.js';
import { ExportCleanup } from '../src/modules/exports/export-jobs/export-cleanup.js';
import { ExportFiles } from '../src/modules/exports/export-jobs/export-files.js';
import { ABANDONED_EXPORT_ERROR, ExportJobWorker } from '../src/modules/exports/export-jobs/export-job-worker.js';
import { loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';

describe('background exports', () => {
  let app: TestApp;
  let session: CollabSession;
  let workspaceId: string;
  /** Owner, editor, editor, commenter of the demo workspace. */
  let mei: TestUser;
  let tomas: TestUser;
  let aisha: TestUser;
  let priya: TestUser;

  const login = async (email: string, password: string): Promise<TestUser> => {
    const client = new ApiClient(app.baseUrl);
    const response = await client.post<{ user: { id: string; displayName: string } }>('/auth/login', { email, password });
    expect(response.status).toBe(200);
    return { client, id: response.body.user.id, email, displayName: response.body.user.displayName };
  };
  const jobsPath = (workspace = workspaceId) => `/workspaces/${workspace}/export-jobs`;

  /** Queues a job and waits (by polling) until it has ended. */
  async function runJob(user: TestUser, body: unknown, workspace = workspaceId): Promise<ExportJob> {
    const queued = await user.client.post<ExportJob>(jobsPath(workspace), body);
    expect(queued.status).toBe(202);
    let job = queued.body;
    await eventually(async () => {
      job = (await user.client.get<ExportJob>(`${jobsPath(workspace)}/${queued.body.id}`)).body;
      return job.status === 'succeeded' || job.status === 'failed';
    }, 30_000, `export job ${queued.body.id} to end`);
    return job;
  }

  beforeAll(async () => {
    app = await createTestApp();
    session = new CollabSession(app.baseUrl);
    ({ workspaceId } = await seedDemoWorkspace(app.dataSource));
    const { password } = await loadDemoSeed();
    [mei, tomas, aisha, priya] = (await Promise.all(['mei', 'tomas', 'aisha', 'priya'].map((name) => login(`${name}@demo.marginalia.test`, password)))) as [TestUser, TestUser, TestUser, TestUser];
  });
  afterAll(async () => {
    session.close();
    await app.close();
  });

  it('runs an export as a job, announcing its progress, and downloads the same bytes as the direct download', async () => {
    const watcher = await session.socket(mei);
    await subscribe(watcher, { workspaceId });
    const events: WorkspaceEvent[] = [];
    watcher.on('workspace-event', (event: WorkspaceEvent) => {
      if (event.type === 'exports.changed') events.push(event);
    });
    const job = await runJob(mei, { format: 'csv', parameters: { bom: '1' } });
    expect(ExportJobSchema.parse(job)).toMatchObject({
      format: 'csv',
      parameters: { bom: '1' },
      status: 'succeeded',
      error: null,
      fileName: expect.stringMatching(/^MSS-counter-espionage-mobilisation-\d{4}-\d\d-\d\d\.csv$/),
      createdBy: { id: mei.id, displayName: 'Mei Lin' },
      finishedAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    // Kept for EXPORT_JOB_TTL_HOURS (24 by default).
    expect(Date.parse(job.expiresAt!) - Date.parse(job.finishedAt!)).toBe(24 * 3600_000);
    // Queued (the route), running, succeeded: each announced with the job's id.
    await eventually(() => events.length >= 3, 5000, 'the job’s events');
    expect(events.every((event) => event.ids.includes(job.id))).toBe(true);

    const download = await mei.client.get<string>(`${jobsPath()}/${job.id}/download`, { headers: { 'accept-encoding': 'identity' } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(download.headers.get('content-length')).toBe(String(job.byteSize));
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${job.fileName}"; filename*=UTF-8''${job.fileName}`);
    const direct = await mei.client.get<string>(`/workspaces/${workspaceId}/exports/csv?bom=1`);
    expect(download.body).toBe(direct.body);
    // fetch's text() drops the byte order mark, which the size still counts.
    expect(download.body.startsWith('document_title,')).toBe(true);
    expect(job.byteSize).toBe(Buffer.byteLength(`\uFEFF${download.body}`));
  });

  it('shows a member their own jobs, owners and admins everyone’s; another member’s job answers 404', async () => {
    const tomasJob = await runJob(tomas, { format: 'markdown', parameters: { sections: 'facts' } });
    expect(tomasJob.status).toBe('succeeded');
    expect((await mei.client.get<{ jobs: ExportJob[] }>(jobsPath())).body.jobs.map((job) => job.id)).toContain(tomasJob.id);
    expect((await tomas.client.get<{ jobs: ExportJob[] }>(jobsPath())).body.jobs.every((job) => job.createdBy?.id === tomas.id)).toBe(true);
    expect((await aisha.client.get<{ jobs: ExportJob[] }>(jobsPath())).body.jobs.map((job) => job.id)).not.toContain(tomasJob.id);
    for (const request of [aisha.client.get(`${jobsPath()}/${tomasJob.id}`), aisha.client.get(`${jobsPath()}/${tomasJob.id}/download`), aisha.client.delete(`${jobsPath()}/${tomasJob.id}`)]) {
      expectApiError(await request, 404, 'export job not found');
    }
    expect((await mei.client.get<string>(`${jobsPath()}/${tomasJob.id}/download`)).body).toMatch(/^# MSS counter-espionage mobilisation\n/);
    // A commenter may not export at all.
    expectApiError(await priya.client.get(jobsPath()), 403);

    // Through another workspace's path, the job does not exist, even for that workspace's owner.
    const elsewhere = await createWorkspace(mei, 'Elsewhere');
    expectApiError(await mei.client.get(`${jobsPath(elsewhere)}/${tomasJob.id}`), 404, 'export job not found');
    expectApiError(await mei.client.get(`${jobsPath(elsewhere)}/${tomasJob.id}/download`), 404, 'export job not found');
    expectApiError(await mei.client.delete(`${jobsPath(elsewhere)}/${tomasJob.id}`), 404, 'export job not found');
    expect((await mei.client.get<{ jobs: ExportJob[] }>(jobsPath(elsewhere))).body.jobs).toEqual([]);
  });

  it('applies blind coding as the job’s creator sees the workspace', async () => {
    expect((await mei.client.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: true })).status).toBe(200);
    try {
      const job = await runJob(tomas, { format: 'json' });
      const snapshot = (await tomas.client.get<WorkspaceExport>(`${jobsPath()}/${job.id}/download`)).body;
      expect(snapshot.annotations.length).toBeGreaterThan(0);
      expect(snapshot.annotations.every((annotation) => annotation.analystId === tomas.id)).toBe(true);
    } finally {
      await mei.client.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: false });
    }
  });

  it('refuses a large selection as a direct download (409) and runs it as a job', async () => {
    const owner = await registerUser(app.baseUrl, 'large');
    const large = await createWorkspace(owner, 'Large');
    const documentId = await insertDocument(app.dataSource, large, 'Long interview', 'The harbour was busy all night. '.repeat(40));
    const count = EXPORT_LIMITS.backgroundAboveAnnotations + 1;
    await app.dataSource.query(
      `INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix)
       SELECT $1, $2, $3, n % 900, n % 900 + 10, 'harbour wa', '', '' FROM generate_series(1, $4) AS n`,
      [large, documentId, owner.id, count],
    );
    const [{ characters }] = (await app.dataSource.query('SELECT character_count AS characters FROM documents WHERE id = $1', [documentId])) as [{ characters: number }];
    expect((await owner.client.get(`/workspaces/${large}/export-size`)).body).toEqual({ annotations: count, characters, background: true });
    expect((await owner.client.get(`/workspaces/${large}/export-size?documents=${randomUUID()}`)).body).toEqual({ annotations: 0, characters: 0, background: false });
    const direct = await owner.client.get(`/workspaces/${large}/exports/json`);
    expectApiError(direct, 409, /^this export is large \(5,001 annotations, [\d,]+ characters of text; .+run it in the background with POST \/api\/workspaces\/.+\/export-jobs/);
    const job = await runJob(owner, { format: 'json' }, large);
    expect(job.status).toBe('succeeded');
    const file = (await owner.client.get<WorkspaceExport>(`${jobsPath(large)}/${job.id}/download`)).body;
    expect(file.annotations).toHaveLength(count);
  });

  it('refuses bad requests clearly, and more than three unfinished jobs per member', async () => {
    expectApiError(await tomas.client.post(jobsPath(), { format: 'pdf' }), 400, /^no export format "pdf"; the formats are json, markdown/);
    expectApiError(await tomas.client.post(jobsPath(), { format: 'json', parameters: { documents: 'nope' } }), 400, /^invalid export filters: documents/);
    expectApiError(await tomas.client.post(jobsPath(), { format: 'json', extra: 1 }), 400, /unknown field\(s\): extra/);
    expectApiError(await tomas.client.post(jobsPath(), { format: 'json', parameters: { sections: 7 } }), 400, /^invalid request body: parameters\.sections/);
    expectApiError(await tomas.client.get(`${jobsPath()}/not-a-uuid`), 404, 'export job not found');
    // Jobs that wait (no run will take them: inserted as the queue would leave them).
    const waiting = (await app.dataSource.query(
      `INSERT INTO export_jobs (workspace_id, created_by, format) SELECT $1, $2, 'json' FROM generate_series(1, 3) RETURNING id`,
      [workspaceId, aisha.id],
    )) as { id: string }[];
    try {
      expectApiError(await aisha.client.get(`${jobsPath()}/${waiting[0]!.id}/download`), 409, 'this export is not ready yet (queued); download it once it has succeeded');
      expectApiError(await aisha.client.post(jobsPath(), { format: 'csv' }), 429, 'you already have 3 exports waiting or running in this workspace (at most 3); wait for one to finish, or delete one');
      expect((await aisha.client.delete(`${jobsPath()}/${waiting[0]!.id}`)).status).toBe(204);
      expect((await runJob(aisha, { format: 'csv' })).status).toBe('succeeded');
    } finally {
      await app.dataSource.query('DELETE FROM export_jobs WHERE id = ANY($1::uuid[])', [waiting.map((row) => row.id)]);
    }
  });

  it('deletes a job with its file; the clean-up deletes expired jobs and orphaned files', async () => {
    const files = app.get(ExportFiles);
    const fileOf = (id: string) => path.join(files.directory, `${id}.export`);
    const exists = (file: string) => access(file).then(() => true, () => false);

    const deleted = await runJob(mei, { format: 'aif' });
    expect(await exists(fileOf(deleted.id))).toBe(true);
    expect((await mei.client.delete(`${jobsPath()}/${deleted.id}`)).status).toBe(204);
    expect(await exists(fileOf(deleted.id))).toBe(false);
    expectApiError(await mei.client.get(`${jobsPath()}/${deleted.id}`), 404, 'export job not found');

    const expired = await runJob(mei, { format: 'qdc' });
    await app.dataSource.query(`UPDATE export_jobs SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    expectApiError(await mei.client.get(`${jobsPath()}/${expired.id}/download`), 410, /^this export expired at .+; start it again$/);
    const kept = await runJob(mei, { format: 'qdc' });
    const orphan = fileOf(randomUUID());
    await writeFile(orphan, 'left behind');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(orphan, twoHoursAgo, twoHoursAgo);
    const young = fileOf(randomUUID());
    await writeFile(young, 'being written');

    const result = await app.get(ExportCleanup).cleanUp();
    expect(result).toEqual({ expired: 1, orphans: 1 });
    expect(await exists(fileOf(expired.id))).toBe(false);
    expectApiError(await mei.client.get(`${jobsPath()}/${expired.id}`), 404, 'export job not found');
    expect(await exists(orphan)).toBe(false);
    expect(await exists(young)).toBe(true);
    expect(await exists(fileOf(kept.id))).toBe(true);
    // The clean-up runs on the queue's schedule, every ten minutes.
    expect(await app.dataSource.query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'exports-cleanup'`)).toEqual([{ name: 'exports-cleanup', cron: '*/10 * * * *' }]);
  });

  it('fails a job whose run the queue gave up on, with a clear message, and only if it is still that run’s', async () => {
    const runId = randomUUID();
    const [{ id }] = (await app.dataSource.query(`INSERT INTO export_jobs (workspace_id, created_by, format, status, run_id) VALUES ($1, $2, 'json', 'running', $3) RETURNING id`, [
      workspaceId,
      mei.id,
      runId,
    ])) as [{ id: string }];
    const worker = app.get(ExportJobWorker);
    await worker.abandoned({ exportJobId: id }, randomUUID(), 'lost');
    expect((await mei.client.get<ExportJob>(`${jobsPath()}/${id}`)).body.status).toBe('running');
    await worker.abandoned({ exportJobId: id }, runId, 'lost');
    expect((await mei.client.get<ExportJob>(`${jobsPath()}/${id}`)).body).toMatchObject({ status: 'failed', error: ABANDONED_EXPORT_ERROR, expiresAt: expect.any(String) });
    expectApiError(await mei.client.get(`${jobsPath()}/${id}/download`), 409, `this export failed (${ABANDONED_EXPORT_ERROR}); start it again`);
  });
});
