/**
 * How pg-boss is set up here, and its schema. pg-boss owns the `pgboss` schema: it creates and
 * migrates it itself (under an advisory lock, so several API processes may start together),
 * while the TypeORM migrations own `public` and never touch it. The schema is installed when
 * the database is prepared, right after the migrations (prepare-database.ts), so a test
 * template or a fresh deployment has it before any API process starts; each process's start
 * checks it again and migrates it after a pg-boss upgrade.
 */
import { PgBoss, type ConstructorOptions, type Db } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { ResilientPgClient } from '../../database/resilient-pg-client.js';

export const JOB_QUEUE_SCHEMA = 'pgboss';

export function jobQueueOptions(databaseUrl: string): ConstructorOptions {
  const options: ConstructorOptions & { Client: typeof ResilientPgClient } = {
    connectionString: databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'marginalia-jobs',
    // Polls, heartbeats and job state changes; the jobs' own work uses the app's pool.
    max: 5,
    // Spread into pg's Pool: a connection that dies while idle must not stop the process.
    Client: ResilientPgClient,
    useListenNotify: true,
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    registerInstance: false,
    openTelemetry: { enabled: false },
  };
  return options;
}

/** pg-boss statements run on a TypeORM transaction's connection, so they commit with it. */
export function transactionDb(manager: EntityManager): Db {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('a job is sent inside a transaction: pass the transaction’s manager');
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const result = (await runner.query(text, values, true)) as { records: unknown[] };
      return { rows: result.records };
    },
  };
}

/** Creates or migrates pg-boss's schema (idempotent), without starting any worker. */
export async function installJobQueueSchema(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ ...jobQueueOptions(databaseUrl), supervise: false, schedule: false, useListenNotify: false, max: 1 });
  // start() rejects when it cannot install; an 'error' event with no listener would throw instead.
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false });
}
