/**
 * Schema drift: the SQL that would bring a migrated database in line with the entities.
 * Empty means the committed migrations and the entities agree; CI checks exactly that.
 */
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

export interface SchemaChanges {
  up: string[];
  down: string[];
}

export async function pendingSchemaChanges(databaseUrl: string): Promise<SchemaChanges> {
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((query) => query.query),
      // Undo in reverse order of doing.
      down: sql.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** The source of a migration class for these changes. */
export function renderMigration(className: string, changes: SchemaChanges): string {
  const statements = (queries: string[]): string => queries.map((query) => `    await queryRunner.query(\`${query.replace(/[`\\]|\$\{/g, (match) => `\\${match}`)}\`);`).join('\n');
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
