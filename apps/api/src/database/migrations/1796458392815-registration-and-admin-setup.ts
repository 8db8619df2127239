import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationAndAdminSetup1796458392815 implements MigrationInterface {
  name = 'RegistrationAndAdminSetup1796458392815';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "admin_setup_tokens" ("token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8981ab52a4ffa5b6150a09d727a" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE TABLE "registration_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ip" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_372ce69c22c671fb4b1bf8f0759" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "registration_attempts_ip_created_idx" ON "registration_attempts"  ("ip", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."registration_attempts_ip_created_idx"`);
    await queryRunner.query(`DROP TABLE "registration_attempts"`);
    await queryRunner.query(`DROP TABLE "admin_setup_tokens"`);
  }
}
