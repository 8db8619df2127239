/**
 * Boots the real application (same module, same HTTP setup as main.ts) on a random port
 * against a fresh database, for tests that talk to it over real HTTP.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Abstract, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { loadConfig, type AppConfig } from '../src/config/config.schema.js';
import { configureHttp } from '../src/http/configure-http.js';
import { NEST_APP_OPTIONS } from '../src/http/request-body.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_REDIS_PREFIX } from './test-redis.js';

export interface TestApp {
  baseUrl: string;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  /** A provider of the running app, for tests that drive a service directly (compaction...). */
  get<T>(type: Type<T> | Abstract<T>): T;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Files the app keeps (background exports) go to a folder of this app's own.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST_DIR: '/nonexistent',
    REDIS_PREFIX: TEST_REDIS_PREFIX,
    // Every test client registers from 127.0.0.1; the throttle has tests of its own.
    REGISTRATION_MAX_PER_IP: '100000',
    DATA_DIR: dataDir,
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.url), { ...NEST_APP_OPTIONS, logger: false });
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address !== 'object') throw new Error('test app did not bind a port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    dataSource: app.get(DataSource),
    database,
    get: (type) => app.get(type),
    close: async () => {
      await app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
