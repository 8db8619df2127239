/**
 * Production entry point: validate the configuration, get a migrated database (embedded
 * Postgres when DATABASE_URL is unset), seed the demo workspace, serve API + web client.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { createPinoLogger, PinoLoggerService } from './common/logger.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.schema.js';
import { prepareDatabase, type PreparedDatabase } from './database/prepare-database.js';
import { configureHttp } from './http/configure-http.js';
import { NEST_APP_OPTIONS } from './http/request-body.js';
import { AdminSetupService, SETUP_PATH } from './modules/auth/admin-setup.service.js';
import { seedDemoWorkspace, type DemoSeedResult } from './seed/demo-seed.js';


async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createPinoLogger(config.LOG_LEVEL);
  const database = await prepareDatabase(config);
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.url), { ...NEST_APP_OPTIONS, logger: new PinoLoggerService(logger), bufferLogs: true });
    configureHttp(app, config);
    const seeded = config.SEED_DEMO ? await seedDemoWorkspace(app.get(DataSource)) : null;
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    printWelcome(config, port, database, seeded, setupToken);
  } catch (error) {
    await app?.close();
    await database.stop();
    throw error;
  }
  stopCleanlyOnSignals(app, database);
}

function readConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example and the README's Configuration section.\n`);
      process.exit(1);
    }
    throw error;
  }
}

function printWelcome(config: AppConfig, port: number, database: PreparedDatabase, seeded: DemoSeedResult | null, setupToken: string | null): void {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = config.PUBLIC_URL ?? `http://${host}:${port}`;
  const lines = [
    '',
    `Marginalia is running at ${url}`,
    `  API docs:  ${url}/api/docs`,
    `  Database:  ${database.embedded ? `embedded Postgres (data in ${config.DATA_DIR}/postgres)` : 'DATABASE_URL'}`,
  ];
  if (seeded) {
    lines.push(`  Demo workspace "${seeded.workspaceName}", password for every demo account: ${seeded.password}`);
    for (const account of seeded.accounts) lines.push(`    ${account.email.padEnd(32)} ${account.role}`);
  }
  if (setupToken) {
    lines.push('  This instance has no admin yet. Sign in (or register), then open this one-time link to become its admin:');
    lines.push(`    ${url}${SETUP_PATH}${setupToken}`);
  } else if (config.ADMIN_EMAIL) {
    lines.push(`  ${config.ADMIN_EMAIL} is instance admin once registered (ADMIN_EMAIL).`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

function stopCleanlyOnSignals(app: NestExpressApplication, database: PreparedDatabase): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received, shutting down...\n`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    app
      .close()
      .then(() => database.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Marginalia failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
