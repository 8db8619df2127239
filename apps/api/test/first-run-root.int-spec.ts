/**
 * The first run as it often happens: as root, from a checkout in a private home directory
 * (mode 0700, like /root/app on Debian), without DATABASE_URL, so the embedded Postgres starts.
 * Postgres runs as the postgres OS user, which cannot reach anything under that directory; the
 * server must still start, answer its health check, and stop cleanly. The checkout is a
 * hard-linked copy of this one (fast, no second install) in a 0700 folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const REPO = path.resolve(import.meta.dirname, '../../..');
/** What running the built server needs; .data (with this test's own folder) stays behind. */
const ENTRIES = ['package.json', 'node_modules', 'seeds', 'packages/shared/package.json', 'packages/shared/dist', 'packages/shared/node_modules', 'apps/api/package.json', 'apps/api/dist', 'apps/api/node_modules'];
const RUNNING_AT = /Marginalia is running at (http:\/\/\S+)/;
const DATA_IN = /embedded Postgres \(data in (\S+)\)/;

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('first-run-root.int-spec.ts SKIPPED: it checks a start as root, and this run is not root (CI runs as root).');
const describeAsRoot = isRoot ? describe : describe.skip;

let privateHome: string | undefined;
let server: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (privateHome) await rm(privateHome, { recursive: true, force: true });
  // A data folder outside the checkout (the postgres user could not enter the checkout's .data).
  if (dataDir && !dataDir.startsWith(privateHome ?? '\0')) await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describeAsRoot('npm start as root from a private (0700) directory', () => {
  it('starts the embedded Postgres, answers its health check, and stops cleanly', async () => {
    await mkdir(path.join(REPO, '.data'), { recursive: true });
    privateHome = await mkdtemp(path.join(REPO, '.data', 'private-home-'));
    await chmod(privateHome, 0o700);
    const app = path.join(privateHome, 'app');
    for (const entry of ENTRIES) {
      await mkdir(path.dirname(path.join(app, entry)), { recursive: true });
      const copy = spawnSync('cp', ['-al', path.join(REPO, entry), path.join(app, entry)], { encoding: 'utf8' });
      if (copy.status !== 0) throw new Error(`cp -al ${entry}: ${copy.stderr}`);
    }

    const env: Record<string, string> = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST_DIR: '/nonexistent' };
    server = spawn(process.execPath, [path.join(app, 'apps/api/dist/main.js')], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = RUNNING_AT.exec(output);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 50);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`the server exited (${code}) before listening:\n${output}`));
      });
    });
    dataDir = DATA_IN.exec(output)?.[1];

    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(dataDir).toBeDefined();

    server.kill('SIGTERM');
    const code = await exited;
    expect(`${code} ${output}`).toMatch(/^0 /);
    expect(output).not.toMatch(/EACCES|Error:/);
  }, 120_000);
});
