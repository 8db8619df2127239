import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { ResilientPgClient } from './resilient-pg-client.js';

/** The one place that says how we talk to Postgres. Schema changes only through migrations. */
export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: false,
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+: no extension, so no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error'],
    // A dropped connection must fail its queries, never the process (see ResilientPgClient).
    extra: { max: 10, application_name: 'marginalia-api', Client: ResilientPgClient },
  };
}
