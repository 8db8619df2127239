/**
 * Test databases. The global setup migrates one template database per run; every test file
 * clones it (CREATE DATABASE ... TEMPLATE, a file copy: milliseconds), so files never see each
 * other's rows and runs never collide. Works against DATABASE_URL's server or an embedded one.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_SERVER_URL_ENV = 'MARGINALIA_TEST_SERVER_URL';
export const TEST_TEMPLATE_ENV = 'MARGINALIA_TEST_TEMPLATE';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_SERVER_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!serverUrl || !template) throw new Error('test database server not prepared: run tests through jest (global setup)');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(4).toString('hex')}`;
  await withServer(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // Tests never need their commits to survive a crash; not waiting for the WAL flush
    // makes each write request several milliseconds faster.
    await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: async () => {
      await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** An empty database (no migrations), for tests of what a fresh deployment does on its first start. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_SERVER_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!serverUrl || !template) throw new Error('test database server not prepared: run tests through jest (global setup)');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(4).toString('hex')}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: async () => {
      await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
