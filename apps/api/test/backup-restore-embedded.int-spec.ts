/**
 * `pnpm backup` / `pnpm restore` with the embedded database (no DATABASE_URL, files in
 * DATA_DIR): a backup taken from one DATA_DIR restores into a fresh one, and what was stored is
 * there. Without a pg_dump as new as the embedded Postgres (this machine's is older) the backup is
 * a file copy, refused while the database runs; with one, it is a dump.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/database/embedded-postgres.js';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

async function script(name: 'backup' | 'restore', args: string[], dataDir: string): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts', `${name}.mjs`), ...args], { env, cwd: REPO_ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function query<T>(server: RunningPostgres, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('pnpm backup / pnpm restore with the embedded database', () => {
  let workDir: string;
  let original: string;
  let fresh: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-embedded-backup-'));
    original = path.join(workDir, 'original');
    fresh = path.join(workDir, 'fresh');
    // As root the embedded Postgres runs as the postgres user, which must enter these folders.
    for (const dir of [workDir, original, fresh]) {
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o755);
    }
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('restores a backup of one DATA_DIR into a fresh one', async () => {
    const file = path.join(workDir, 'embedded-backup');
    const server = await startEmbeddedPostgres({ dataDir: original, database: 'marginalia' });
    let backup: { code: number; output: string };
    try {
      await query(server, "CREATE TABLE canary (note text); INSERT INTO canary VALUES ('kept across the restore')");
      backup = await script('backup', ['--out', file], original);
      if (backup.code !== 0) {
        // No pg_dump new enough: a file copy, which needs the database stopped.
        expect(backup.output).toMatch(/so the embedded database is copied as files, which needs Marginalia stopped/);
      }
    } finally {
      await server.stop();
    }
    if (backup.code !== 0) backup = await script('backup', ['--out', file], original);
    expect(backup.output).toContain(`Backup written: ${file}`);

    expect(await script('restore', [file], fresh)).toMatchObject({ code: 0 });
    const restored = await startEmbeddedPostgres({ dataDir: fresh, database: 'marginalia' });
    try {
      expect(await query(restored, 'SELECT note FROM canary')).toEqual([{ note: 'kept across the restore' }]);
    } finally {
      await restored.stop();
    }
    const again = await script('restore', [file], fresh);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds a database|is not empty/);
  }, 120_000);
});
