import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Discussion1796469995135 implements MigrationInterface {
  name = 'Discussion1796469995135';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "map_elements" ("map_id" uuid NOT NULL, "element_id" text NOT NULL, "element" text NOT NULL, "kind" text NOT NULL, "label" text NOT NULL, CONSTRAINT "PK_8359b798614c4078705cc8e9422" PRIMARY KEY ("map_id", "element_id"))`);
    await queryRunner.query(`CREATE TABLE "threads" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "anchor_kind" text NOT NULL, "document_id" uuid, "start" integer, "end" integer, "exact" text, "prefix" text, "suffix" text, "annotation_id" uuid, "tag_id" uuid, "map_id" uuid, "element_id" text, "evidence_id" text, "label" text NOT NULL, "created_by" uuid, "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, CONSTRAINT "PK_d8a74804c34fc3900502cd27275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "threads_document_id_idx" ON "threads"  ("document_id") `);
    await queryRunner.query(`CREATE INDEX "threads_annotation_id_idx" ON "threads"  ("annotation_id") `);
    await queryRunner.query(`CREATE INDEX "threads_tag_id_idx" ON "threads"  ("tag_id") `);
    await queryRunner.query(`CREATE INDEX "threads_map_id_idx" ON "threads"  ("map_id") `);
    await queryRunner.query(`CREATE INDEX "threads_workspace_activity_idx" ON "threads"  ("workspace_id", "last_activity_at") `);
    await queryRunner.query(`CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "workspace_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "mentions" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" uuid, "search_vector" tsvector, CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "comments_workspace_id_idx" ON "comments"  ("workspace_id") `);
    await queryRunner.query(`CREATE INDEX "comments_thread_created_idx" ON "comments"  ("thread_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "comment_revisions" ("id" BIGSERIAL NOT NULL, "comment_id" uuid NOT NULL, "body" text NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bc0332e55296986d300413ff053" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "workspace_id" uuid NOT NULL, "kind" text NOT NULL, "thread_id" uuid NOT NULL, "comment_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notifications_user_created_idx" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "thread_reads" ("thread_id" uuid NOT NULL, "user_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_21fb598bdd8f46af57ee725b172" PRIMARY KEY ("thread_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "map_elements" ADD CONSTRAINT "FK_648e07ede061043756ca3d267c5" FOREIGN KEY ("map_id") REFERENCES "argument_maps"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_c6fcdfcd2f81d0729e575893cae" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_b3ee8707c78947f7ef3e9f506ff" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_7c922473f6fd02f7ac210d279bc" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_1237893a8142626fb3c89271bc4" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_343061686373c5c3ea93faf94fb" FOREIGN KEY ("map_id") REFERENCES "argument_maps"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_d8d74bcfa3ef439fa3742445e28" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_c0e8f0178597d25fb9fccfe4bbd" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "FK_e7d9c02826213be7fb6487f3909" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "FK_2645b2d150408f9c5aede56a888" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comments" ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment_revisions" ADD CONSTRAINT "FK_4eecc11a07ab668994e90b29e2e" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_ff8a9bf1b558104a843964c01ec" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_62d82d3f01c9d9836d27fe48a67" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_e20313cbf1dacbb2abc5bd66d26" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "thread_reads" ADD CONSTRAINT "FK_cd09dab00ef27d7014d49cdde7f" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "thread_reads" ADD CONSTRAINT "FK_f43cce923ead83fc3e1201cf160" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Full-text search over comments, in every language alike ('simple': no stemming), kept by
    // a trigger as passages' search vectors are (the entity never writes it).
    await queryRunner.query(`CREATE FUNCTION comments_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.search_vector := to_tsvector('simple', coalesce(NEW.body, '')); RETURN NEW; END $$`);
    await queryRunner.query(`CREATE TRIGGER comments_search_vector BEFORE INSERT OR UPDATE OF body ON "comments" FOR EACH ROW EXECUTE FUNCTION comments_search_vector()`);
    await queryRunner.query(`CREATE INDEX "comments_search_idx" ON "comments" USING gin ("search_vector")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."comments_search_idx"`);
    await queryRunner.query(`DROP TRIGGER comments_search_vector ON "comments"`);
    await queryRunner.query(`DROP FUNCTION comments_search_vector()`);
    await queryRunner.query(`ALTER TABLE "thread_reads" DROP CONSTRAINT "FK_f43cce923ead83fc3e1201cf160"`);
    await queryRunner.query(`ALTER TABLE "thread_reads" DROP CONSTRAINT "FK_cd09dab00ef27d7014d49cdde7f"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_e20313cbf1dacbb2abc5bd66d26"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_62d82d3f01c9d9836d27fe48a67"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_ff8a9bf1b558104a843964c01ec"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "comment_revisions" DROP CONSTRAINT "FK_4eecc11a07ab668994e90b29e2e"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_e6d38899c31997c45d128a8973b"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_2645b2d150408f9c5aede56a888"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_e7d9c02826213be7fb6487f3909"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_c0e8f0178597d25fb9fccfe4bbd"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_d8d74bcfa3ef439fa3742445e28"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_343061686373c5c3ea93faf94fb"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_1237893a8142626fb3c89271bc4"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_7c922473f6fd02f7ac210d279bc"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_b3ee8707c78947f7ef3e9f506ff"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_c6fcdfcd2f81d0729e575893cae"`);
    await queryRunner.query(`ALTER TABLE "map_elements" DROP CONSTRAINT "FK_648e07ede061043756ca3d267c5"`);
    await queryRunner.query(`DROP TABLE "thread_reads"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "comment_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."comments_thread_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."comments_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "comments"`);
    await queryRunner.query(`DROP INDEX "public"."threads_workspace_activity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_map_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_tag_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_annotation_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_document_id_idx"`);
    await queryRunner.query(`DROP TABLE "threads"`);
    await queryRunner.query(`DROP TABLE "map_elements"`);
  }
}
