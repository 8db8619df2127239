import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailOutboxResetsInvites1796479912504 implements MigrationInterface {
  name = 'EmailOutboxResetsInvites1796479912504';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b6fbfc201f705fbf1ac87bd7197" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "email_outbox_due_idx" ON "email_outbox"  ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "password_reset_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ip" text NOT NULL, "email" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4aa83fc224280f3c94c3e214d65" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "password_reset_requests_email_idx" ON "password_reset_requests"  ("email", "created_at") `);
    await queryRunner.query(`CREATE INDEX "password_reset_requests_ip_idx" ON "password_reset_requests"  ("ip", "created_at") `);
    await queryRunner.query(`CREATE TABLE "instance_invites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "token_hash" text NOT NULL, "mail_token_hash" text, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_903af8ede7e8ebed988b9f2bf9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "instance_invites_email_idx" ON "instance_invites"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "instance_invites_token_hash_key" ON "instance_invites"  ("token_hash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "instance_invites_mail_token_hash_key" ON "instance_invites"  ("mail_token_hash") `);
    await queryRunner.query(`CREATE TABLE "email_verifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "email" text NOT NULL, "token_hash" text NOT NULL, "invite_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c1ea2921e767f83cd44c0af203f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "email_verifications_user_id_idx" ON "email_verifications"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "email_verifications_token_hash_key" ON "email_verifications"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mention_emails" text NOT NULL DEFAULT 'immediate'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mention_digest_sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invites" ADD "mail_token_hash" text`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "emailed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invites_mail_token_hash_key" ON "invites"  ("mail_token_hash") `);
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "instance_invites" ADD CONSTRAINT "FK_7df52a40a637401c0dd55dc76d8" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "email_verifications" ADD CONSTRAINT "FK_c4f1838323ae1dff5aa00148915" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_verifications" DROP CONSTRAINT "FK_c4f1838323ae1dff5aa00148915"`);
    await queryRunner.query(`ALTER TABLE "instance_invites" DROP CONSTRAINT "FK_7df52a40a637401c0dd55dc76d8"`);
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c"`);
    await queryRunner.query(`DROP INDEX "public"."invites_mail_token_hash_key"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "emailed_at"`);
    await queryRunner.query(`ALTER TABLE "invites" DROP COLUMN "mail_token_hash"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mention_digest_sent_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mention_emails"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP INDEX "public"."email_verifications_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."email_verifications_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "email_verifications"`);
    await queryRunner.query(`DROP INDEX "public"."instance_invites_mail_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."instance_invites_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."instance_invites_email_idx"`);
    await queryRunner.query(`DROP TABLE "instance_invites"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_requests_ip_idx"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_requests_email_idx"`);
    await queryRunner.query(`DROP TABLE "password_reset_requests"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_tokens_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."email_outbox_due_idx"`);
    await queryRunner.query(`DROP TABLE "email_outbox"`);
  }
}
