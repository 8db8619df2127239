/**
 * Imports at their edges: who may import and read jobs, malformed and oversized requests
 * (refused with a clear 4xx and nothing stored), ZIP bombs, a job that fails (nothing left
 * behind), progress while a job runs, and the list of jobs.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CSRF_HEADER, IMPORT_LIMITS, SESSION_COOKIE, type ImportJob } from '@marginalia/shared';
import type { TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, createWorkspace, expectApiError, registerCast, type Cast } from './fixtures.js';
import { fixtureFile, importFiles, outcomes, pollJob, sendForm, uploadFiles } from './fixtures/imports/import-client.js';
import { UNEXPECTED_FAILURE } from '../src/modules/imports/import-job-runner.js';

const MB = 1024 * 1024;

describe('imports: access, limits and failures', () => {
  let app: TestApp;
  let cast: Cast;
  let owner: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'imp-');
    owner = cast.owner;
  });
  afterAll(async () => {
    await app.close();
  });

  /** Import rows of a workspace, straight from the database. */
  const stored = async (workspaceId: string): Promise<{ jobs: number; uploads: number; documents: number }> => {
    const [row] = (await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM import_jobs WHERE workspace_id = $1) AS jobs,
              (SELECT count(*)::int FROM import_uploads u JOIN import_jobs j ON j.id = u.job_id WHERE j.workspace_id = $1) AS uploads,
              (SELECT count(*)::int FROM documents WHERE workspace_id = $1) AS documents`,
      [workspaceId],
    )) as { jobs: number; uploads: number; documents: number }[];
    return row!;
  };
  const nothingStored = { jobs: 0, uploads: 0, documents: 0 };

  describe('who may import', () => {
    it.each(['viewer', 'commenter'] as const)('refuses a %s with 403 and stores nothing', async (role) => {
      const workspaceId = await createCastWorkspace(cast);
      const response = await uploadFiles(cast[role].client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt')]);
      expectApiError(response, 403, `this needs the editor role or higher; you are ${role}`);
      const pasted = await cast[role].client.post(`/workspaces/${workspaceId}/imports`, { text: 'hello' });
      expectApiError(pasted, 403);
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });

    it('answers an outsider 404 on every import route, as if the workspace did not exist', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const job = await importFiles(cast.editor.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt')]);
      const outsider = cast.outsider;
      expectApiError(await uploadFiles(outsider.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt', 'other.txt')]), 404, 'workspace not found');
      expectApiError(await outsider.client.get(`/workspaces/${workspaceId}/imports`), 404, 'workspace not found');
      expectApiError(await outsider.client.get(`/workspaces/${workspaceId}/imports/${job.id}`), 404, 'workspace not found');
      expect(await stored(workspaceId)).toEqual({ jobs: 1, uploads: 0, documents: 1 });
    });

    it('lets an editor import and every member read the jobs', async () => {
      const workspaceId = await createCastWorkspace(cast);
      const job = await importFiles(cast.editor.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt')]);
      expect(job.status).toBe('succeeded');
      for (const role of ['viewer', 'commenter', 'admin'] as const) {
        expect((await cast[role].client.get(`/workspaces/${workspaceId}/imports/${job.id}`)).body).toEqual(job);
        expect((await cast[role].client.get(`/workspaces/${workspaceId}/imports`)).body).toEqual({ jobs: [job] });
      }
    });

    it('does not show one workspace’s job through another’s path', async () => {
      const workspaceA = await createWorkspace(owner, 'A');
      const workspaceB = await createWorkspace(owner, 'B');
      const job = await importFiles(owner.client, app.baseUrl, workspaceA, [fixtureFile('utf8.txt')]);
      expectApiError(await owner.client.get(`/workspaces/${workspaceB}/imports/${job.id}`), 404, 'import job not found');
      expectApiError(await owner.client.get(`/workspaces/${workspaceB}/imports/not-a-uuid`), 404, 'import job not found');
      expect((await owner.client.get(`/workspaces/${workspaceB}/imports`)).body).toEqual({ jobs: [] });
    });
  });

  describe('malformed and oversized requests', () => {
    it.each([
      { label: 'a multipart body without files', send: () => multipart([], { note: 'no files here' }), status: 400, message: /^no files: send one or more files in the "files" field/ },
      { label: 'files in another field', send: () => multipart([{ name: 'a.txt', content: 'x' }], {}, 'file'), status: 400, message: /^unexpected file field "file": send files as multipart\/form-data/ },
      { label: 'a text/plain body', send: () => ({ body: 'just text', headers: { 'content-type': 'text/plain' } }), status: 415, message: /^send files as multipart\/form-data in the "files" field, or pasted text as application\/json/ },
      { label: 'no body at all', send: () => ({ body: '', headers: {} }), status: 415, message: /^send files as multipart/ },
      { label: 'a broken multipart body', send: () => ({ body: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=x' } }), status: 400, message: /^the multipart body is malformed/ },
    ])('refuses $label', async ({ send, status, message }) => {
      const workspaceId = await createWorkspace(owner, 'Bad requests');
      const { body, headers } = send();
      expectApiError(await sendForm(owner.client, app.baseUrl, workspaceId, body, headers), status, message);
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });

    it('validates pasted text', async () => {
      const workspaceId = await createWorkspace(owner, 'Bad paste');
      expectApiError(await owner.client.post(`/workspaces/${workspaceId}/imports`, { text: '' }), 400, 'invalid request body: text must not be empty');
      expectApiError(await owner.client.post(`/workspaces/${workspaceId}/imports`, { text: 'x', format: 'pdf' }), 400, 'invalid request body: unknown field(s): format');
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });

    it('takes pasted text up to its character limit, however it is encoded, while other JSON bodies stop at 1 MB', async () => {
      const workspaceId = await createWorkspace(owner, 'Long paste');
      // Three UTF-8 bytes a character: a 6 MB body, over the global JSON limit.
      const line = `${'漢字かな交じり文。'.repeat(19)}\n`;
      const text = line.repeat(Math.floor(IMPORT_LIMITS.maxPastedCharacters / line.length));
      const queued = await owner.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text, title: 'Long paste' });
      expect(queued.status).toBe(202);
      const done = (await pollJob(owner.client, workspaceId, queued.body.id)).at(-1)!;
      expect(done.files[0]).toMatchObject({ status: 'accepted', format: 'pasted', title: 'Long paste' });
      // The same text as ASCII-only JSON (\uXXXX for every other character, as Python's json writes it): 12 MB.
      const escaped = JSON.stringify({ text }).replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const again = await sendForm(owner.client, app.baseUrl, workspaceId, escaped, { 'content-type': 'application/json' });
      expect(again.status).toBe(202);
      const duplicate = (await pollJob(owner.client, workspaceId, again.body.id)).at(-1)!;
      expect(duplicate.files[0]).toMatchObject({ status: 'rejected', reason: 'duplicate' });
      expectApiError(await owner.client.post(`/workspaces/${workspaceId}/imports`, { text: 'x'.repeat(IMPORT_LIMITS.maxPastedCharacters + 1) }), 400, /^invalid request body: text /);
      expectApiError(await owner.client.post('/workspaces', { name: 'Big', description: '漢'.repeat(400_000) }), 413, 'request body is too large');
    });

    it('refuses more files than a batch holds', async () => {
      const workspaceId = await createWorkspace(owner, 'Too many');
      const files = Array.from({ length: IMPORT_LIMITS.maxFilesPerBatch + 1 }, (_, index) => ({ name: `f${index}.txt`, content: `file ${index}` }));
      expectApiError(await uploadFiles(owner.client, app.baseUrl, workspaceId, files), 400, 'too many files: one import takes at most 200 files; import them in several batches');
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });

    it('refuses a file over the size limit with 413, naming it', async () => {
      const workspaceId = await createWorkspace(owner, 'Too large');
      const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(0x61);
      const response = await uploadFiles(owner.client, app.baseUrl, workspaceId, [{ name: 'small.txt', content: 'fine' }, { name: 'big.txt', content: big }]);
      expectApiError(response, 413, 'big.txt is larger than 20 MB (the limit for one file)');
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });

    it('refuses a batch over the size limit by its Content-Length, before reading it', async () => {
      const workspaceId = await createWorkspace(owner, 'Batch by length');
      const part = new Blob([new Uint8Array(19 * MB).fill(0x62)]);
      const form = new FormData();
      for (let i = 0; i < 6; i += 1) form.append('files', part, `part-${i}.txt`);
      expectApiError(await sendForm(owner.client, app.baseUrl, workspaceId, form), 413, 'the files together are larger than 100 MB (the limit for one import); import them in several batches');
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });

    it('cuts off a streamed batch as soon as it passes the size limit', async () => {
      const workspaceId = await createWorkspace(owner, 'Batch streamed');
      const response = await streamMultipart(app.baseUrl, owner, workspaceId, 6, 19 * MB);
      expectApiError(response, 413, 'the files together are larger than 100 MB (the limit for one import); import them in several batches');
      expect(await stored(workspaceId)).toEqual(nothingStored);
    });
  });

  describe('ZIP bombs', () => {
    it('stops inflating an entry past the per-file limit, whatever its header claims', async () => {
      const workspaceId = await createWorkspace(owner, 'Bomb');
      const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('bomb-entry.zip')]);
      expect(job).toMatchObject({ status: 'succeeded', acceptedCount: 0 });
      expect(job.files).toEqual([expect.objectContaining({ name: 'bomb-entry.zip/bomb.txt', reason: 'too_large', message: 'bomb-entry.zip/bomb.txt: the file unpacks to more than 20 MB (the limit for one file)' })]);
    });

    it('stops inflating an archive past its total limit and refuses the rest', async () => {
      const workspaceId = await createWorkspace(owner, 'Bomb total');
      const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('bomb-total.zip')]);
      expect(job.status).toBe('succeeded');
      // 19 MiB of spaces each: the first ten fit in 200 MiB (and are empty), the eleventh does not.
      expect(job.files.map((file) => file.reason)).toEqual([...Array.from({ length: 10 }, () => 'empty'), 'limit_exceeded']);
      expect(job.files[10]?.message).toBe('bomb-total.zip/part-11.txt: the archive unpacks to more than 200 MB in all (the limit for one ZIP), so this file was not imported');
      expect(await stored(workspaceId)).toEqual({ jobs: 1, uploads: 0, documents: 0 });
    });
  });

  it('refuses only the document the database will not store, and imports the rest of the batch', async () => {
    const workspaceId = await createWorkspace(owner, 'One refused');
    // Any database error while storing one document will do: a trigger refuses one text.
    await app.dataSource.query(`CREATE OR REPLACE FUNCTION refuse_marked_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text LIKE '%REFUSE-ON-INSERT%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
    await app.dataSource.query('CREATE TRIGGER refuse_marked_text BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse_marked_text()');
    try {
      const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt'), { name: 'marked.txt', content: 'Fine until REFUSE-ON-INSERT.' }, fixtureFile('report.exe')]);
      expect(job).toMatchObject({ status: 'succeeded', acceptedCount: 1, finishedAt: expect.any(String) });
      expect(outcomes(job)).toEqual({ 'utf8.txt': 'accepted', 'marked.txt': 'rejected:unreadable', 'report.exe': 'rejected:unsupported_type' });
      expect(job.files[1]!.message).toBe('marked.txt: the text could not be stored (refused by test trigger), so this file was not imported');
      expect(await stored(workspaceId)).toEqual({ jobs: 1, uploads: 0, documents: 1 });
    } finally {
      await app.dataSource.query('DROP TRIGGER refuse_marked_text ON documents');
    }
  });

  it('fails a job whose outcome cannot be stored, leaving nothing behind', async () => {
    const workspaceId = await createWorkspace(owner, 'Failing');
    // Any unexpected database error outside one document will do: a trigger refuses this job's success.
    await app.dataSource.query(`CREATE OR REPLACE FUNCTION refuse_success() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'succeeded' AND NEW.workspace_id = '${workspaceId}' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
    await app.dataSource.query('CREATE TRIGGER refuse_success BEFORE UPDATE ON import_jobs FOR EACH ROW EXECUTE FUNCTION refuse_success()');
    try {
      const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt'), { name: 'other.txt', content: 'Another fine text.' }, fixtureFile('report.exe')]);
      expect(job).toMatchObject({ status: 'failed', error: UNEXPECTED_FAILURE, acceptedCount: 0, finishedAt: expect.any(String) });
      expect(outcomes(job)).toEqual({ 'utf8.txt': 'pending', 'other.txt': 'pending', 'report.exe': 'rejected:unsupported_type' });
      expect(job.files.every((file) => file.documentId === null)).toBe(true);
      expect(await stored(workspaceId)).toEqual({ jobs: 1, uploads: 0, documents: 0 });
      expect((await owner.client.get(`/workspaces/${workspaceId}/documents`)).body).toEqual({ documents: [] });
    } finally {
      await app.dataSource.query('DROP TRIGGER refuse_success ON import_jobs');
    }
  });

  it('shows progress while the job runs, up to completion', async () => {
    const workspaceId = await createWorkspace(owner, 'Progress');
    // Enough text that reading and storing take a moment.
    const files = Array.from({ length: 60 }, (_, index) => ({ name: `report-${index}.txt`, content: paragraphs(index, 150_000) }));
    const queued = await uploadFiles(owner.client, app.baseUrl, workspaceId, files);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', totalFiles: 60, processedFiles: 0, acceptedCount: 0, finishedAt: null });
    const states = await pollJob(owner.client, workspaceId, queued.body.id);
    const processed = states.map((state) => state.processedFiles);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(states.some((state) => state.status === 'running')).toBe(true);
    expect(states.at(-1)).toMatchObject({ status: 'succeeded', totalFiles: 60, processedFiles: 60, acceptedCount: 60 });
    expect(await stored(workspaceId)).toEqual({ jobs: 1, uploads: 0, documents: 60 });
  });

  it('lists the latest 20 jobs, newest first', async () => {
    const workspaceId = await createWorkspace(owner, 'Many jobs');
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) ids.push((await owner.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: `Pasted note number ${i}.` })).body.id);
    const listed = await owner.client.get<{ jobs: ImportJob[] }>(`/workspaces/${workspaceId}/imports`);
    expect(listed.body.jobs.map((job) => job.id)).toEqual(ids.slice(1).reverse());
  });
});

/** A multipart body (with FormData) with the given files and text fields. */
function multipart(files: { name: string; content: string }[], fields: Record<string, string>, field = 'files'): { body: FormData; headers: Record<string, string> } {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(field, new Blob([file.content]), file.name);
  return { body: form, headers: {} };
}

/** Distinct, plausible text of about `size` characters. */
function paragraphs(seed: number, size: number): string {
  const sentence = `Report ${seed}: the survey team visited the northern villages and recorded the water supply of each household. `;
  const paragraph = sentence.repeat(6).trim();
  return Array.from({ length: Math.ceil(size / (paragraph.length + 2)) }, (_, index) => `${index}. ${paragraph}`).join('\n\n');
}

/** Streams `count` files of `size` bytes as a chunked multipart body (no Content-Length). */
async function streamMultipart(baseUrl: string, user: TestUser, workspaceId: string, count: number, size: number): Promise<{ status: number; body: any; headers: Headers }> {
  const boundary = 'marginalia-test-boundary';
  const chunk = Buffer.alloc(MB, 0x63);
  async function* parts(): AsyncGenerator<Buffer> {
    for (let file = 0; file < count; file += 1) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="part-${file}.txt"\r\nContent-Type: text/plain\r\n\r\n`);
      for (let sent = 0; sent < size; sent += MB) yield chunk.subarray(0, Math.min(MB, size - sent));
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  const response = await fetch(`${baseUrl}/api/workspaces/${workspaceId}/imports`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `${SESSION_COOKIE}=${user.client.sessionCookie ?? ''}`, [CSRF_HEADER]: user.client.csrfToken ?? '' },
    body: Readable.toWeb(Readable.from(parts())) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, body: await response.json(), headers: response.headers };
}
