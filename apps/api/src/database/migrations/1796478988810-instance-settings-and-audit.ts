import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstanceSettingsAndAudit1796478988810 implements MigrationInterface {
  name = 'InstanceSettingsAndAudit1796478988810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "instance_audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "subject_type" text, "subject_id" text, "subject_label" text, "details" jsonb NOT NULL DEFAULT '{}', "ip" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ca590dc16c7a3832075adea2fd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "instance_audit_entries_actor_id_idx" ON "instance_audit_entries"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "instance_audit_entries_action_created_idx" ON "instance_audit_entries"  ("action", "created_at") `);
    await queryRunner.query(`CREATE INDEX "instance_audit_entries_created_idx" ON "instance_audit_entries"  ("created_at") `);
    await queryRunner.query(`CREATE TABLE "instance_settings" ("key" text NOT NULL, "value" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4841fbd4c9819d5ade4b5dfeb8" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "instance_audit_entries" ADD CONSTRAINT "FK_1288f7d671704ce03965ae0751d" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instance_audit_entries" DROP CONSTRAINT "FK_1288f7d671704ce03965ae0751d"`);
    await queryRunner.query(`DROP TABLE "instance_settings"`);
    await queryRunner.query(`DROP INDEX "public"."instance_audit_entries_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."instance_audit_entries_action_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."instance_audit_entries_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "instance_audit_entries"`);
  }
}
