import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReaderAnnotationCache1796470819576 implements MigrationInterface {
  name = 'ReaderAnnotationCache1796470819576';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD "annotations_revision" bigint NOT NULL DEFAULT '0'`);
    // Statement-level triggers (one per event: transition tables allow no more), so a bulk
    // write bumps each document once. Annotations carry their document; their tags join to it.
    await queryRunner.query(`CREATE FUNCTION bump_annotations_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE documents SET annotations_revision = annotations_revision + 1 WHERE id IN (SELECT DISTINCT document_id FROM changed); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE FUNCTION bump_annotation_tags_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE documents SET annotations_revision = annotations_revision + 1
        WHERE id IN (SELECT DISTINCT a.document_id FROM annotations a JOIN changed c ON c.annotation_id = a.id); RETURN NULL; END $$`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const table = event === 'DELETE' ? 'OLD' : 'NEW';
      await queryRunner.query(`CREATE TRIGGER annotations_revision_${event.toLowerCase()} AFTER ${event} ON "annotations" REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_annotations_revision()`);
      await queryRunner.query(`CREATE TRIGGER annotation_tags_revision_${event.toLowerCase()} AFTER ${event} ON "annotation_tags" REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_annotation_tags_revision()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER annotations_revision_${event} ON "annotations"`);
      await queryRunner.query(`DROP TRIGGER annotation_tags_revision_${event} ON "annotation_tags"`);
    }
    await queryRunner.query(`DROP FUNCTION bump_annotation_tags_revision()`);
    await queryRunner.query(`DROP FUNCTION bump_annotations_revision()`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "annotations_revision"`);
  }
}
