/**
 * The way back from disaster: `pnpm backup` (scripts/backup.mjs) dumps a database holding the
 * demo workspace, `pnpm restore` (scripts/restore.mjs) puts it into a fresh, empty database,
 * and the app started on that database serves the same workspace, documents, notebook (its Yjs
 * content, with an edit made just before the backup) and argument map. A non-empty target is
 * refused unless --force.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readMap, type ArgumentMapList } from '@marginalia/shared';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiClient, type TestUser } from './api-client.js';
import { notebookOf } from './collab-client.js';
import { CollabSession } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createEmptyDatabase, type TestDatabase } from './test-database.js';
import { TEST_REDIS_PREFIX } from './test-redis.js';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/config.schema.js';
import { configureHttp } from '../src/http/configure-http.js';
import { NEST_APP_OPTIONS } from '../src/http/request-body.js';
import { loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const MEI = 'mei@demo.marginalia.test';

/** The app as main.ts serves it, on an existing (restored) database. */
async function startAppOn(databaseUrl: string): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST_DIR: '/nonexistent', REDIS_PREFIX: TEST_REDIS_PREFIX });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), { ...NEST_APP_OPTIONS, logger: false });
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

async function script(name: 'backup' | 'restore', args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts', `${name}.mjs`), ...args], { env, cwd: REPO_ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function signIn(baseUrl: string, password: string): Promise<TestUser> {
  const client = new ApiClient(baseUrl);
  const response = await client.post('/auth/login', { email: MEI, password });
  expect(response.status).toBe(200);
  return { client, id: response.body.user.id, email: MEI, displayName: response.body.user.displayName };
}

interface Picture {
  workspaces: { id: string; name: string }[];
  documents: { id: string; title: string; passageCount?: number }[];
  notebook: string;
  mapNodes: number;
  mapTitle: string;
}

/** What a person sees of the demo workspace: names, documents, the notebook's text and the map. */
async function picture(baseUrl: string, workspaceId: string, password: string): Promise<Picture> {
  const mei = await signIn(baseUrl, password);
  const session = new CollabSession(baseUrl);
  try {
    const workspaces = (await mei.client.get('/workspaces')).body.workspaces as { id: string; name: string }[];
    const documents = (await mei.client.get(`/workspaces/${workspaceId}/documents`)).body.documents as { id: string; title: string }[];
    const notebook = await session.client(mei, await notebookOf(mei, workspaceId));
    const maps = (await mei.client.get<ArgumentMapList>(`/workspaces/${workspaceId}/maps`)).body.maps;
    const map = await session.client(mei, maps[0]!.docName);
    return {
      workspaces: workspaces.map(({ id, name }) => ({ id, name })),
      documents: documents.map(({ id, title }) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id)),
      notebook: notebook.doc.getText('markdown').toJSON(),
      mapNodes: readMap(map.doc).nodes.length,
      mapTitle: maps[0]!.title,
    };
  } finally {
    session.close();
  }
}

describe('pnpm backup / pnpm restore', () => {
  let source: TestApp;
  let target: TestDatabase;
  let workDir: string;
  let workspaceId: string;
  let password: string;
  let before: Picture;
  const canary = `Backup canary ${Date.now().toString(36)}`;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-backup-'));
    source = await createTestApp();
    workspaceId = (await seedDemoWorkspace(source.dataSource)).workspaceId;
    password = (await loadDemoSeed()).password;
    // An edit to the notebook, acknowledged (hence committed) before the backup is taken.
    const mei = await signIn(source.baseUrl, password);
    const session = new CollabSession(source.baseUrl);
    const notebook = await session.client(mei, await notebookOf(mei, workspaceId));
    expect(await notebook.edit((doc) => doc.getText('markdown').insert(doc.getText('markdown').length, `\n\n${canary}\n`))).toEqual({ ok: true });
    session.close();
    before = await picture(source.baseUrl, workspaceId, password);
    target = await createEmptyDatabase();
  }, 60_000);
  afterAll(async () => {
    await source.close();
    await target.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('restores a backup into a fresh database where the app finds the demo workspace, its documents, notebook and map', async () => {
    const file = path.join(workDir, 'marginalia.dump');
    const backup = await script('backup', ['--out', file], source.database.url);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain(`Backup written: ${file}`);
    const logged = (await source.dataSource.query(`SELECT subject_label FROM instance_audit_entries WHERE action = 'backup.created'`)) as { subject_label: string }[];
    expect(logged).toEqual([{ subject_label: 'marginalia.dump' }]);

    const restore = await script('restore', [file], target.url);
    expect(restore.output).toContain('Restored marginalia.dump');
    expect(restore.code).toBe(0);

    const restored = await startAppOn(target.url);
    try {
      const after = await picture(restored.baseUrl, workspaceId, password);
      expect(after).toEqual(before);
      expect(after.notebook).toContain(canary);
      expect(after.documents.length).toBeGreaterThanOrEqual(5);
      expect(after.mapNodes).toBeGreaterThan(5);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses to restore over a database that holds data, unless --force', async () => {
    const file = path.join(workDir, 'marginalia.dump');
    const refused = await script('restore', [file], target.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/error: the target database is not empty \(\d+ tables, views or sequences\): restore into an empty database, or pass --force/);
    const forced = await script('restore', [file, '--force'], target.url);
    expect(forced.code).toBe(0);
    const restored = await startAppOn(target.url);
    try {
      expect((await picture(restored.baseUrl, workspaceId, password)).notebook).toContain(canary);
    } finally {
      await restored.close();
    }
  }, 120_000);
});
