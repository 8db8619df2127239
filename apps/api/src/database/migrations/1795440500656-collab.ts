import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Collab1795440500656 implements MigrationInterface {
  name = 'Collab1795440500656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "collab_documents" ("name" text NOT NULL, "workspace_id" uuid NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c19bdc6f3a61920a30fdd76cb05" PRIMARY KEY ("name"))`);
    await queryRunner.query(`CREATE INDEX "collab_documents_workspace_id_idx" ON "collab_documents"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "collab_documents_one_notebook_per_workspace" ON "collab_documents"  ("workspace_id") WHERE kind = 'notebook'`);
    await queryRunner.query(`CREATE TABLE "collab_snapshots" ("document_name" text NOT NULL, "state" bytea NOT NULL, "folded_updates" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c56df77239f674bf4eec1f9ab8" PRIMARY KEY ("document_name"))`);
    await queryRunner.query(`CREATE TABLE "collab_updates" ("id" BIGSERIAL NOT NULL, "document_name" text NOT NULL, "update" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0faef2aa9ce78cfbfce1cdbcdbc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "collab_updates_document_id_idx" ON "collab_updates"  ("document_name", "id") `);
    await queryRunner.query(`ALTER TABLE "collab_documents" ADD CONSTRAINT "FK_898c0d051d25433111201060fd7" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collab_snapshots" ADD CONSTRAINT "FK_3c56df77239f674bf4eec1f9ab8" FOREIGN KEY ("document_name") REFERENCES "collab_documents"("name") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collab_updates" ADD CONSTRAINT "FK_49381113ad12eb3961b281da60c" FOREIGN KEY ("document_name") REFERENCES "collab_documents"("name") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collab_updates" DROP CONSTRAINT "FK_49381113ad12eb3961b281da60c"`);
    await queryRunner.query(`ALTER TABLE "collab_snapshots" DROP CONSTRAINT "FK_3c56df77239f674bf4eec1f9ab8"`);
    await queryRunner.query(`ALTER TABLE "collab_documents" DROP CONSTRAINT "FK_898c0d051d25433111201060fd7"`);
    await queryRunner.query(`DROP INDEX "public"."collab_updates_document_id_idx"`);
    await queryRunner.query(`DROP TABLE "collab_updates"`);
    await queryRunner.query(`DROP TABLE "collab_snapshots"`);
    await queryRunner.query(`DROP INDEX "public"."collab_documents_one_notebook_per_workspace"`);
    await queryRunner.query(`DROP INDEX "public"."collab_documents_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "collab_documents"`);
  }
}
