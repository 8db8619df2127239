/**
 * The hostile-file corpus (issue 11) through the real API, run as its own process: each file
 * is imported in a batch with one good file while /api/health is polled back to back. Health
 * must answer within HEALTH_BUDGET_MS throughout, the hostile file must get its own outcome (imported,
 * or refused with its specific reason), the good file must be imported beside it, and the job
 * must end. Then the worker's own limits: a read that overruns its deadline, or its heap, costs
 * that file a clear refusal and nothing else.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { IMPORT_LIMITS, type DocumentDetail, type ImportJob, type SearchResponse } from '@marginalia/shared';
import { registerUser, type TestUser } from './api-client.js';
import { killAllApiProcesses, startApiProcess, type ApiProcess } from './api-process.js';
import { createWorkspace } from './fixtures.js';
import { watchHealth } from './fixtures/imports/health-watch.mjs';
import { goodFile, hostileCorpus, type HostileFile } from './fixtures/imports/hostile-corpus.mjs';
import { importFiles } from './fixtures/imports/import-client.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * The target is 200 ms; on a quiet 2-core machine the worst file (paragraph-flood.docx)
 * still measured 851 ms, so that target is not met yet (the issue stays open). CI asserts what
 * holds while other test files share the machine: no file stalls the API for seconds (before
 * the read worker, these files stalled it for 1 to 300 s, or killed it). The figures per file
 * come from `pnpm bench:hostile`.
 */
const HEALTH_BUDGET_MS = Number(process.env.HOSTILE_HEALTH_BUDGET_MS ?? 3000);
const FILE_TIMEOUT_MS = 120_000;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await killAllApiProcesses();
  await database.drop();
});

/** Imports the file beside a good one, watching health; returns the finished job and the worst health latency. */
async function importWatched(server: ApiProcess, owner: TestUser, file: Pick<HostileFile, 'name' | 'content'>): Promise<{ job: ImportJob; workspaceId: string; healthMs: number; healthFailures: string[] }> {
  const workspaceId = await createWorkspace(owner, `Hostile ${file.name}`);
  const watch = watchHealth(server.baseUrl);
  try {
    const job = await importFiles(owner.client, server.baseUrl, workspaceId, [goodFile(file.name), { name: file.name, content: file.content() }]);
    const health = watch.stop();
    return { job, workspaceId, healthMs: health.maxMs, healthFailures: health.failures };
  } finally {
    watch.stop();
  }
}

function expectGoodFileImported(job: ImportJob, name: string): void {
  expect(job.status).toBe('succeeded');
  expect(job.files.find((row) => row.name === goodFile(name).name)).toMatchObject({ status: 'accepted', documentId: expect.any(String) });
}

describe('hostile files, each beside a good file, with /api/health polled throughout', () => {
  let server: ApiProcess;
  let owner: TestUser;

  beforeAll(async () => {
    server = await startApiProcess({ databaseUrl: database.url });
    owner = await registerUser(server.baseUrl, 'hostile');
  });

  // Imports run on a queue shared by every API process of a database: this server must be gone
  // before the next tests start servers with other limits, or it could read their files.
  afterAll(async () => {
    await server.kill();
  });

  it.each(hostileCorpus().map((file) => [file.name, file] as const))(
    '%s',
    async (_name, file) => {
      const { job, healthMs, healthFailures } = await importWatched(server, owner, file);
      expect(healthFailures).toEqual([]);
      expect(healthMs).toBeLessThan(HEALTH_BUDGET_MS);
      expectGoodFileImported(job, file.name);
      const row = job.files.find((candidate) => candidate.name === file.name);
      if (file.expect.status === 'imported') {
        expect(row).toMatchObject({ status: 'accepted', documentId: expect.any(String), ...(file.expect.title === undefined ? {} : { title: file.expect.title }) });
      } else {
        expect(row).toMatchObject({ status: 'rejected', reason: file.expect.reason, documentId: null });
        expect(row?.message).toMatch(file.expect.message);
      }
    },
    FILE_TIMEOUT_MS,
  );

  it('stores a paragraph too long for one search entry as several passages, all of it searchable', async () => {
    const file = hostileCorpus().find((candidate) => candidate.name === 'huge-paragraph.txt')!;
    const { job, workspaceId } = await importWatched(server, owner, file);
    const documentId = job.files.find((row) => row.name === file.name)!.documentId!;
    const document = await owner.client.get<DocumentDetail>(`/workspaces/${workspaceId}/documents/${documentId}`);
    const [heading, ...paragraph] = document.body.passages;
    expect(heading).toMatchObject({ start: 0, end: 'Vocabulary'.length });
    expect(paragraph.length).toBeGreaterThan(document.body.characterCount / IMPORT_LIMITS.maxPassageCharacters);
    for (const passage of paragraph) expect(passage.end - passage.start).toBeLessThanOrEqual(IMPORT_LIMITS.maxPassageCharacters);
    // The pieces cover the paragraph without gaps other than the spaces between sentences.
    expect(paragraph[0]!.start).toBe(heading!.end + 2);
    expect(paragraph.at(-1)!.end).toBe(document.body.characterCount);
    const lastWord = /(\w+)\.\n?$/.exec(String(file.content()))![1]!;
    const found = await owner.client.get<SearchResponse>(`/workspaces/${workspaceId}/search?q=${lastWord}`);
    expect(found.body.results.map((result) => result.documentId)).toEqual([documentId]);
  }, FILE_TIMEOUT_MS);
});

describe('the read worker’s deadline and heap cap', () => {
  // Each limit gets a database of its own, so that its import job can only be read by the one
  // server that has that limit (the import queue lives in the database).
  let limitDatabase: TestDatabase | undefined;

  afterEach(async () => {
    await killAllApiProcesses();
    await limitDatabase?.drop();
    limitDatabase = undefined;
  });

  it('refuses a file that takes longer than IMPORT_READ_DEADLINE_MS to read, and imports the next one', async () => {
    limitDatabase = await createTestDatabase();
    const server = await startApiProcess({ databaseUrl: limitDatabase.url, env: { IMPORT_READ_DEADLINE_MS: '300' } });
    const owner = await registerUser(server.baseUrl, 'deadline');
    const nestedList = hostileCorpus().find((file) => file.name === 'nested-list.md')!;
    const { job, healthMs } = await importWatched(server, owner, nestedList);
    expect(healthMs).toBeLessThan(HEALTH_BUDGET_MS);
    expectGoodFileImported(job, nestedList.name);
    expect(job.files.find((row) => row.name === nestedList.name)).toMatchObject({
      status: 'rejected',
      reason: 'too_slow',
      message: expect.stringMatching(/^nested-list\.md: the file took too long to read \(more than 0\.3 s\)/),
    });
    await server.kill();
  }, FILE_TIMEOUT_MS);

  it('refuses a file whose reading exhausts IMPORT_READ_MAX_HEAP_MB, and imports the next one', async () => {
    // Well above what the worker needs to load its readers (at 48 MB a loaded machine sometimes
    // lost the worker while it loaded them all, failing the good file too), far below what the
    // list needs: about 96 MB beside the Markdown reader alone, now that a worker loads only
    // the readers of the formats it is given (at 96 MB the list fitted beside that one reader).
    limitDatabase = await createTestDatabase();
    const server = await startApiProcess({ databaseUrl: limitDatabase.url, env: { IMPORT_READ_MAX_HEAP_MB: '64' } });
    const owner = await registerUser(server.baseUrl, 'heap');
    const nestedList = hostileCorpus().find((file) => file.name === 'nested-list.md')!;
    const { job, healthMs } = await importWatched(server, owner, nestedList);
    expect(healthMs).toBeLessThan(HEALTH_BUDGET_MS);
    expectGoodFileImported(job, nestedList.name);
    expect(job.files.find((row) => row.name === nestedList.name)).toMatchObject({
      status: 'rejected',
      reason: 'too_complex',
      message: expect.stringMatching(/^nested-list\.md: the file is too complex to read: reading it needed more than 64 MB of memory/),
    });
    await server.kill();
  }, FILE_TIMEOUT_MS);
});
