/**
 * Gets a database ready before the app starts: the configured server, or an embedded Postgres
 * when DATABASE_URL is unset; then all pending migrations, and the job queue's own schema
 * (pg-boss installs and migrates `pgboss` itself: see modules/jobs/job-queue-options.ts).
 */
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema.js';
import { installJobQueueSchema } from '../modules/jobs/job-queue-options.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  /** The embedded server's data directory. */
  dataDir?: string;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

export async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  if (config.DATABASE_URL) {
    await runMigrations(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'marginalia' });
  try {
    await runMigrations(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, embedded: true, dataDir: embedded.databaseDir, stop: () => embedded.stop() };
}

/** Applies pending migrations, each in its own transaction, then installs or migrates the job queue's schema; returns the migrations' names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...buildDataSourceOptions(url), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  // Several API processes may start together: one migrates, the others wait and find nothing to do.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['marginalia:migrations']);
    const applied = await dataSource.runMigrations();
    await installJobQueueSchema(url);
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['marginalia:migrations']).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
