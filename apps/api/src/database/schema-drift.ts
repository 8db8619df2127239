/**
 * Schema drift: the SQL that would bring a migrated database in line with the entities.
 * Empty means the committed migrations and the entities agree; CI checks exactly that.
 */
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

export interface SchemaStatement {
  query: string;
  parameters?: unknown[];
}

export interface SchemaChanges {
  up: SchemaStatement[];
  down: SchemaStatement[];
}

export async function pendingSchemaChanges(databaseUrl: string): Promise<SchemaChanges> {
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map(({ query, parameters }) => ({ query, parameters })),
      // Undo in reverse order of doing.
      down: sql.downQueries.map(({ query, parameters }) => ({ query, parameters })).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** The source of a migration class for these changes. */
export function renderMigration(className: string, changes: SchemaChanges): string {
  const literal = (query: string): string => `\`${query.replace(/[`\\]|\$\{/g, (match) => `\\${match}`)}\``;
  const statements = (queries: SchemaStatement[]): string =>
    queries
      .map(({ query, parameters }) => `    await queryRunner.query(${literal(query)}${parameters?.length ? `, ${JSON.stringify(parameters)}` : ''});`)
      .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(changes.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(changes.down)}
  }
}
`;
}
