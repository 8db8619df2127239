// A scratch database for a benchmark: a fresh database on DATABASE_URL's server (dropped
// afterwards), or an embedded Postgres in a temporary folder when DATABASE_URL is unset.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

async function onServer(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A scratch database and a way to get rid of it (and of the embedded server, if any). */
export async function scratchDatabase(prefix = 'marginalia_bench') {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => undefined;
  let where = 'DATABASE_URL server';
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-pg-'));
    // As root, Postgres runs as its own OS user, which must be able to enter this folder.
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    serverUrl = embedded.url;
    where = 'embedded Postgres';
    stopServer = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `${where}, scratch database ${name}`,
    drop: async () => {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopServer();
    },
  };
}
