// The real application, in this process, against a scratch database: a fresh database on
// DATABASE_URL's server (dropped afterwards), or an embedded Postgres in a temporary folder
// when DATABASE_URL is unset. Same module and HTTP setup as main.ts and the tests.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../dist/app.module.js';
import { loadConfig } from '../dist/config/config.schema.js';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';
import { runMigrations } from '../dist/database/prepare-database.js';
import { configureHttp } from '../dist/http/configure-http.js';
import { NEST_APP_OPTIONS } from '../dist/http/request-body.js';

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
async function scratchDatabase() {
  const name = `marginalia_bench_${randomBytes(4).toString('hex')}`;
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

export async function startBenchApp() {
  const database = await scratchDatabase();
  // Files the app keeps (background exports) go to a scratch folder too.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-data-'));
  try {
    await runMigrations(database.url);
    const config = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST_DIR: '/nonexistent', DATABASE_URL: database.url, DATA_DIR: dataDir });
    const app = await NestFactory.create(AppModule.forRoot(config, database.url), { ...NEST_APP_OPTIONS, logger: false });
    configureHttp(app, config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address();
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      app,
      dataSource: app.get(DataSource),
      database,
      close: async () => {
        await app.close();
        await database.drop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
