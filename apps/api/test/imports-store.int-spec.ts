/**
 * Storing a job's accepted documents: one the database refuses costs only that file (it is
 * withdrawn with the database's reason), and a job's rows are saved even when a name or title
 * holds a NUL, so a job always ends in a final state.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImportFileResult } from '@marginalia/shared';
import { registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace } from './fixtures.js';
import { prepareDocument } from '../src/modules/documents/document-writer.js';
import { ImportBatch } from '../src/modules/imports/import-batch.js';
import { filesJson } from '../src/modules/imports/import-job-store.js';
import { storeAccepted } from '../src/modules/imports/store-documents.js';

describe('storing an import’s documents', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    owner = await registerUser(app.baseUrl, 'store');
  });
  afterAll(async () => {
    await app.close();
  });

  const documentFor = (workspaceId: string, text: string, source: string | null = null) =>
    prepareDocument({ workspaceId, text, title: text.slice(0, 20), titleProposed: true, sourceFilename: null, importedById: null, source });

  it('withdraws only the document the database refuses, with its reason, and stores the others', async () => {
    const workspaceId = await createWorkspace(owner, 'Store');
    const batch = new ImportBatch(['first.txt', 'bad.txt', 'last.txt']);
    const [first, bad, last] = batch.rows as [ImportFileResult, ImportFileResult, ImportFileResult];
    batch.admit(first, 'text', documentFor(workspaceId, 'The first text.'), null);
    // A NUL in a text column is refused by Postgres: stands for any row the database will not take.
    batch.admit(bad, 'text', documentFor(workspaceId, 'The bad text.', 'Bad\u0000source'), null);
    batch.admit(last, 'text', documentFor(workspaceId, 'The last text.'), null);
    const connection = app.dataSource.createQueryRunner();
    await connection.connect();
    try {
      await connection.startTransaction();
      const stored = await storeAccepted(connection, batch);
      await connection.commitTransaction();
      expect(stored).toHaveLength(2);
    } finally {
      await connection.release();
    }
    expect(first).toMatchObject({ status: 'accepted', documentId: expect.any(String) });
    expect(last).toMatchObject({ status: 'accepted', documentId: expect.any(String) });
    expect(bad).toMatchObject({ status: 'rejected', reason: 'unreadable', documentId: null, title: null, message: expect.stringMatching(/^bad\.txt: the text could not be stored \(.+\), so this file was not imported$/) });
    const titles = (await app.dataSource.query('SELECT title FROM documents WHERE workspace_id = $1 ORDER BY title', [workspaceId])) as { title: string }[];
    expect(titles.map((row) => row.title)).toEqual(['The first text.', 'The last text.']);
  });

  it('writes job rows that jsonb accepts, whatever NULs their names and titles hold', async () => {
    const rows = [{ name: 'a\u0000b.txt', status: 'accepted', format: 'text', reason: null, message: null, documentId: null, title: 'back\\slash \\u0000 and \u0000' }] as ImportFileResult[];
    const [{ files }] = (await app.dataSource.query('SELECT $1::jsonb AS files', [filesJson(rows)])) as [{ files: ImportFileResult[] }];
    expect(files[0]).toMatchObject({ name: 'ab.txt', title: 'back\\slash \\u0000 and ' });
  });
});
