import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Codebook (tags, coding settings) and annotations. */
export class Tagging1796457869476 implements MigrationInterface {
  name = 'Tagging1796457869476';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tags" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "parent_id" uuid, "position" integer NOT NULL DEFAULT '0', "name" text NOT NULL, "color" text NOT NULL, "definition" text NOT NULL DEFAULT '', "inclusion" text NOT NULL DEFAULT '', "exclusion" text NOT NULL DEFAULT '', "examples" jsonb NOT NULL DEFAULT '[]', "created_by" uuid, CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "tags_workspace_id_idx" ON "tags"  ("workspace_id") `);
    await queryRunner.query(`CREATE INDEX "tags_parent_id_idx" ON "tags"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "tags_created_by_idx" ON "tags"  ("created_by") `);
    // Hand-written: sibling names are unique ignoring case; top-level tags are siblings too.
    await queryRunner.query(`CREATE UNIQUE INDEX "tags_sibling_name_key" ON "tags" ("workspace_id", coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"))`);
    await queryRunner.query(`CREATE TABLE "coding_settings" ("workspace_id" uuid NOT NULL, "editors_create_tags" boolean NOT NULL DEFAULT false, "blind_coding" boolean NOT NULL DEFAULT false, "revealed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2104bb20d80e6d153b4f32b0117" PRIMARY KEY ("workspace_id"))`);
    await queryRunner.query(`CREATE TABLE "annotations" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "document_id" uuid NOT NULL, "analyst_id" uuid, "kind" text NOT NULL DEFAULT 'analyst', "start" integer NOT NULL, "end" integer NOT NULL, "exact" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "memo" text, CONSTRAINT "annotations_kind_check" CHECK (kind IN ('analyst', 'consensus')), CONSTRAINT "annotations_span_check" CHECK ("start" >= 0 AND "end" > "start"), CONSTRAINT "PK_d5b59b40ef7ee54b4309c2e89b2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "annotations_workspace_id_idx" ON "annotations"  ("workspace_id") `);
    await queryRunner.query(`CREATE INDEX "annotations_analyst_id_idx" ON "annotations"  ("analyst_id") `);
    await queryRunner.query(`CREATE INDEX "annotations_document_span_idx" ON "annotations"  ("document_id", "start", "end") `);
    await queryRunner.query(`CREATE TABLE "annotation_tags" ("annotation_id" uuid NOT NULL, "tag_id" uuid NOT NULL, CONSTRAINT "PK_5a27eb371f7861f3cbc1f2283cb" PRIMARY KEY ("annotation_id", "tag_id"))`);
    await queryRunner.query(`CREATE INDEX "annotation_tags_tag_id_idx" ON "annotation_tags"  ("tag_id", "annotation_id") `);
    await queryRunner.query(`ALTER TABLE "tags" ADD CONSTRAINT "FK_3352c57d71fe58f703b8966caee" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tags" ADD CONSTRAINT "FK_bd19ddcde86ca1882599dbace11" FOREIGN KEY ("parent_id") REFERENCES "tags"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tags" ADD CONSTRAINT "FK_32f027a90ce9c91c9b8ff830d22" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coding_settings" ADD CONSTRAINT "FK_2104bb20d80e6d153b4f32b0117" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD CONSTRAINT "FK_f87c83343bf887d478e039c4162" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD CONSTRAINT "FK_11e0b02234511ccf91cef10a118" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "annotations" ADD CONSTRAINT "FK_facacb2556d297b94b8f86504e4" FOREIGN KEY ("analyst_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "annotation_tags" ADD CONSTRAINT "FK_06d2c804206c678eefdd87c5af5" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "annotation_tags" ADD CONSTRAINT "FK_4116b7ea0e572d6d6f213e06e7d" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "annotation_tags" DROP CONSTRAINT "FK_4116b7ea0e572d6d6f213e06e7d"`);
    await queryRunner.query(`ALTER TABLE "annotation_tags" DROP CONSTRAINT "FK_06d2c804206c678eefdd87c5af5"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_facacb2556d297b94b8f86504e4"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_11e0b02234511ccf91cef10a118"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_f87c83343bf887d478e039c4162"`);
    await queryRunner.query(`ALTER TABLE "coding_settings" DROP CONSTRAINT "FK_2104bb20d80e6d153b4f32b0117"`);
    await queryRunner.query(`ALTER TABLE "tags" DROP CONSTRAINT "FK_32f027a90ce9c91c9b8ff830d22"`);
    await queryRunner.query(`ALTER TABLE "tags" DROP CONSTRAINT "FK_bd19ddcde86ca1882599dbace11"`);
    await queryRunner.query(`ALTER TABLE "tags" DROP CONSTRAINT "FK_3352c57d71fe58f703b8966caee"`);
    await queryRunner.query(`DROP INDEX "public"."annotation_tags_tag_id_idx"`);
    await queryRunner.query(`DROP TABLE "annotation_tags"`);
    await queryRunner.query(`DROP INDEX "public"."annotations_document_span_idx"`);
    await queryRunner.query(`DROP INDEX "public"."annotations_analyst_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."annotations_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
    await queryRunner.query(`DROP TABLE "coding_settings"`);
    await queryRunner.query(`DROP INDEX "public"."tags_sibling_name_key"`);
    await queryRunner.query(`DROP INDEX "public"."tags_created_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tags_parent_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tags_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "tags"`);
  }
}
