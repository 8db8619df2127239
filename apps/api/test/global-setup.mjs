// Once per jest run: find a Postgres server (DATABASE_URL's, or an embedded one), create this
// run's template database and migrate it; test files clone it (see test-database.ts).
// Plain JS over the compiled code because jest loads global setup outside its transforms'
// module mapping; the test script builds first.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';
import { runMigrations } from '../dist/database/prepare-database.js';

export default async function globalSetup() {
  const prefix = `marginalia_test_${randomBytes(3).toString('hex')}`;
  const template = `${prefix}_template`;
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded;
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-test-pg-'));
    // As root, Postgres runs as its own OS user, which must be able to enter this folder.
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  // Read by test/test-database.ts in the workers.
  process.env.MARGINALIA_TEST_SERVER_URL = serverUrl;
  process.env.MARGINALIA_TEST_TEMPLATE = template;
  // Read by test/test-redis.ts: this run's Redis channels and keys start with it.
  process.env.MARGINALIA_TEST_REDIS_PREFIX = prefix;
  globalThis.marginaliaTestRun = { serverUrl, prefix, stopEmbedded };
}
