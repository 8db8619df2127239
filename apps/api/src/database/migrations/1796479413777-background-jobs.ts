import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BackgroundJobs1796479413777 implements MigrationInterface {
  name = 'BackgroundJobs1796479413777';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "export_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "created_by" uuid, "run_id" uuid, "format" text NOT NULL, "parameters" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'queued', "written_bytes" bigint NOT NULL DEFAULT '0', "byte_size" bigint, "file_name" text, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "export_jobs_status_check" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_3044ce6f1c6af24058ee609e063" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "export_jobs_created_by_idx" ON "export_jobs"  ("created_by") `);
    await queryRunner.query(`CREATE INDEX "export_jobs_expires_at_idx" ON "export_jobs"  ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "export_jobs_workspace_created_idx" ON "export_jobs"  ("workspace_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "import_jobs" ADD "run_id" uuid`);
    // By hand: imports queued or running under the hand-written queue this replaces have no run
    // on the new one; they end failed, saying why, rather than wait forever.
    await queryRunner.query(
      `UPDATE "import_jobs" SET "status" = 'failed', "finished_at" = now(), "error" = 'the import was interrupted by a server upgrade; nothing was imported: upload the files again' WHERE "status" IN ('queued', 'running')`,
    );
    await queryRunner.query(`DELETE FROM "import_uploads" WHERE "job_id" IN (SELECT "id" FROM "import_jobs" WHERE "status" = 'failed')`);
    await queryRunner.query(`ALTER TABLE "export_jobs" ADD CONSTRAINT "FK_862c80359c77ac59daec04f3375" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "export_jobs" ADD CONSTRAINT "FK_4ecb252906c0207f0c80fd0fde7" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_jobs" DROP CONSTRAINT "FK_4ecb252906c0207f0c80fd0fde7"`);
    await queryRunner.query(`ALTER TABLE "export_jobs" DROP CONSTRAINT "FK_862c80359c77ac59daec04f3375"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP COLUMN "run_id"`);
    await queryRunner.query(`DROP INDEX "public"."export_jobs_workspace_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."export_jobs_expires_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."export_jobs_created_by_idx"`);
    await queryRunner.query(`DROP TABLE "export_jobs"`);
  }
}
