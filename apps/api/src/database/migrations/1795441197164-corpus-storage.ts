import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model column storage): cheaper writes for imports.
 * Uploads live only while their job runs, so compressing them (pglz, the default) cost CPU
 * on every import for nothing. Document texts are compressed with lz4, several times faster
 * than pglz at a similar ratio, where the server is built with it; elsewhere they stay pglz.
 */
export class CorpusStorage1795441197164 implements MigrationInterface {
  name = 'CorpusStorage1795441197164';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_uploads" ALTER COLUMN "content" SET STORAGE EXTERNAL`);
    await queryRunner.query(`DO $$
BEGIN
  ALTER TABLE "documents" ALTER COLUMN "text" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "text" SET COMPRESSION DEFAULT`);
    await queryRunner.query(`ALTER TABLE "import_uploads" ALTER COLUMN "content" SET STORAGE EXTENDED`);
  }
}
