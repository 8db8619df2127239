/**
 * The multilingual-search migration re-indexes the passages that exist when it runs: Chinese
 * text becomes searchable by character pairs, and each passage takes its document's language.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type QueryRunner } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { MultilingualSearch1796458263753 } from '../src/database/migrations/1796458263753-multilingual-search.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

describe('multilingual-search migration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions(database.url));
    await dataSource.initialize();
    runner = dataSource.createQueryRunner();
  });
  afterAll(async () => {
    await runner.release();
    await dataSource.destroy();
    await database.drop();
  });

  const matches = async (tsquery: string): Promise<string[]> =>
    ((await runner.query(`SELECT d.title FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.search_vector @@ ${tsquery} ORDER BY d.title`)) as { title: string }[]).map(
      (row) => row.title,
    );

  it('re-indexes existing passages in their language, Chinese by character pairs', async () => {
    const migration = new MultilingualSearch1796458263753();
    await migration.down(runner);
    // Passages as the previous schema stored them: English only, one word per run of Chinese.
    const [{ id: workspaceId }] = (await runner.query(`INSERT INTO workspaces (name, description) VALUES ('Before', '') RETURNING id`)) as { id: string }[];
    for (const [title, language, text] of [
      ['中文', 'zh', '国家安全部周一公布了新的反间谍安全规定'],
      ['Deutsch', 'de', 'Die Verhaftungen wurden gestern gemeldet.'],
    ]) {
      const [{ id }] = (await runner.query(
        `INSERT INTO documents (workspace_id, title, language, text, character_count, content_hash) VALUES ($1, $2, $3, $4, length($4), md5($4)) RETURNING id`,
        [workspaceId, title, language, text],
      )) as { id: string }[];
      await runner.query(`INSERT INTO passages (workspace_id, document_id, index, start, "end", sentences, text) VALUES ($1, $2, 0, 0, length($3), '[]', $3)`, [workspaceId, id, text]);
    }
    expect(await matches(`phraseto_tsquery('simple', '国家 家安 安全')`)).toEqual([]);
    expect(await matches(`plainto_tsquery('german', 'Verhaftung')`)).toEqual([]);

    await migration.up(runner);
    expect(await matches(`phraseto_tsquery('simple', '国家 家安 安全')`)).toEqual(['中文']);
    expect(await matches(`phraseto_tsquery('simple', '反间 间谍')`)).toEqual(['中文']);
    expect(await matches(`plainto_tsquery('german', 'Verhaftung')`)).toEqual(['Deutsch']);
    expect(await runner.query(`SELECT search_config FROM passages ORDER BY search_config`)).toEqual([{ search_config: 'english' }, { search_config: 'german' }]);
  });
});
