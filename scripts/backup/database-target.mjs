/**
 * Which database `pnpm backup` / `pnpm restore` work on, found the way the server finds it:
 * DATABASE_URL when set (an external Postgres), otherwise the embedded Postgres whose files
 * live in DATA_DIR/postgres (or, when the server runs as root and the postgres user cannot
 * enter DATA_DIR, in /var/lib/marginalia/data/<hash>/postgres: see postgres-as-root.ts).
 * Also finds pg_dump / pg_restore new enough for the server.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const API_DIR = path.join(REPO_ROOT, 'apps/api');
/** The embedded Postgres's superuser and password (apps/api/src/database/embedded-postgres.ts). */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'marginalia';
const EMBEDDED_DATABASE = 'marginalia';

/** node-postgres, from the API's dependencies (the repository root has none of its own). */
export const pg = createRequire(path.join(API_DIR, 'package.json'))('pg');

export class BackupError extends Error {}

export function resolveTarget(env = process.env) {
  if (env.DATABASE_URL) return { kind: 'external', url: env.DATABASE_URL };
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const candidates = [path.join(dataDir, 'postgres'), path.join('/var/lib/marginalia/data', hash, 'postgres')];
  const databaseDir = candidates.find((candidate) => existsSync(path.join(candidate, 'PG_VERSION'))) ?? null;
  return { kind: 'embedded', dataDir, databaseDir, candidates };
}

/** The port of the embedded Postgres if it is running now (its postmaster.pid names a live process), else null. */
export function runningEmbeddedPort(databaseDir) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pidLine), 0);
  } catch {
    return null;
  }
  return Number(portLine);
}

export function embeddedUrl(port) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

/**
 * A URL for the embedded database: the running server's, or a server started here for the
 * duration (as the app starts it, from the API's build) and stopped by `stop()`.
 */
export async function connectEmbedded(target) {
  const port = target.databaseDir ? runningEmbeddedPort(target.databaseDir) : null;
  if (port) return { url: embeddedUrl(port), stop: async () => undefined };
  const modulePath = path.join(API_DIR, 'dist/database/embedded-postgres.js');
  if (!existsSync(modulePath)) throw new BackupError('the API is not built (apps/api/dist is missing): run `pnpm build` first');
  const { startEmbeddedPostgres } = await import(pathToFileURL(modulePath).href);
  const running = await startEmbeddedPostgres({ dataDir: target.dataDir, database: EMBEDDED_DATABASE });
  return { url: running.url, stop: () => running.stop() };
}

/** Major version of the tool at `binary`, or null when it does not run. */
function toolMajor(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const match = result.status === 0 ? /(\d+)(?:\.\d+)?/.exec(result.stdout.replace(/^[^)]*\)/, '')) : null;
  return match ? Number(match[1]) : null;
}

/**
 * The newest `pg_dump` / `pg_restore` on this machine: PG_BIN, Debian's
 * /usr/lib/postgresql/<major>/bin, then PATH. A pg_dump older than the server refuses to dump it.
 */
export function findTool(name, env = process.env) {
  const candidates = [];
  if (env.PG_BIN) candidates.push(path.join(env.PG_BIN, name));
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql')) candidates.push(path.join('/usr/lib/postgresql', version, 'bin', name));
  }
  candidates.push(name);
  let best = null;
  for (const binary of candidates) {
    if (binary.includes(path.sep) && !existsSync(binary)) continue;
    const major = toolMajor(binary);
    if (major !== null && (!best || major > best.major)) best = { binary, major };
  }
  return best;
}

export async function serverMajor(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

export function requireTool(name, minimumMajor) {
  const tool = findTool(name);
  if (!tool) throw new BackupError(`${name} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set PG_BIN to their folder`);
  if (tool.major < minimumMajor) {
    throw new BackupError(`${name} ${tool.major} (${tool.binary}) is older than the database server (${minimumMajor}) and cannot work with it: install postgresql-client-${minimumMajor} or set PG_BIN to a newer one`);
  }
  return tool;
}

export function run(binary, args) {
  const result = spawnSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (result.status !== 0) throw new BackupError(`${path.basename(binary)} failed (exit ${result.status}): ${(result.stderr || result.error?.message || '').trim().split('\n').slice(-5).join('\n')}`);
}

/** Runs `main`, printing a BackupError as one sentence (exit 1) rather than a stack trace. */
export function runMain(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof BackupError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
