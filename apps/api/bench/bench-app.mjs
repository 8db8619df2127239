// The real application, in this process, against a scratch database: a fresh database on
// DATABASE_URL's server (dropped afterwards), or an embedded Postgres in a temporary folder
// when DATABASE_URL is unset. Same module and HTTP setup as main.ts and the tests.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../dist/app.module.js';
import { loadConfig } from '../dist/config/config.schema.js';
import { runMigrations } from '../dist/database/prepare-database.js';
import { configureHttp } from '../dist/http/configure-http.js';
import { NEST_APP_OPTIONS } from '../dist/http/request-body.js';
import { scratchDatabase } from './scratch-database.mjs';

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
