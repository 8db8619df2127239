import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795430427587 implements MigrationInterface {
  name = 'InitialSchema1795430427587';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "is_instance_admin" boolean NOT NULL DEFAULT false, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TABLE "workspaces" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_098656ae401f3e1a4586f47fd8e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "actor_id" uuid, "action" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}'::jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_entries_actor_id_idx" ON "audit_entries"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "audit_entries_workspace_created_idx" ON "audit_entries"  ("workspace_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "login_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "ip" text NOT NULL, "succeeded" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "login_attempts_ip_created_idx" ON "login_attempts"  ("ip", "created_at") `);
    await queryRunner.query(`CREATE INDEX "login_attempts_email_ip_created_idx" ON "login_attempts"  ("email", "ip", "created_at") `);
    await queryRunner.query(`CREATE TABLE "personal_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_278d2b70b7f8e7841366b3d5543" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "personal_tokens_user_id_idx" ON "personal_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "personal_tokens_token_hash_key" ON "personal_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "csrf_token" text NOT NULL, "user_agent" text, "ip" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "sessions_user_id_idx" ON "sessions"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "documents" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "title" text NOT NULL, "source_filename" text, "text" text NOT NULL, "content_hash" text NOT NULL, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "documents_workspace_id_idx" ON "documents"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "documents_workspace_hash_key" ON "documents"  ("workspace_id", "content_hash") `);
    await queryRunner.query(`CREATE TABLE "invites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "token_hash" text NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "invites_role_check" CHECK ("role" IN ('owner', 'admin', 'editor', 'commenter', 'viewer')), CONSTRAINT "PK_aa52e96b44a714372f4dd31a0af" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invites_workspace_id_idx" ON "invites"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invites_token_hash_key" ON "invites"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "invites_invited_by_idx" ON "invites"  ("invited_by") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "workspace_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "memberships_role_check" CHECK ("role" IN ('owner', 'admin', 'editor', 'commenter', 'viewer')), CONSTRAINT "PK_b30e6ce2c364503f9840fa6440b" PRIMARY KEY ("workspace_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "memberships_user_id_idx" ON "memberships"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD CONSTRAINT "FK_a56616f7f26de764cffb6c6c85a" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD CONSTRAINT "FK_c2d369a2e8a9e3773f1682b8ac0" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "personal_tokens" ADD CONSTRAINT "FK_6830bc174c3bece0fb1d4aee28b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "FK_5a879c083b13ba9dbd0751d0e6a" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invites" ADD CONSTRAINT "FK_568872c5b015a0e9d763837d530" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invites" ADD CONSTRAINT "FK_6e727f063d839c0090364ea95f3" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_9b76ecf1dda18a6adec17fe71c4" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_9b76ecf1dda18a6adec17fe71c4"`);
    await queryRunner.query(`ALTER TABLE "invites" DROP CONSTRAINT "FK_6e727f063d839c0090364ea95f3"`);
    await queryRunner.query(`ALTER TABLE "invites" DROP CONSTRAINT "FK_568872c5b015a0e9d763837d530"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_5a879c083b13ba9dbd0751d0e6a"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "personal_tokens" DROP CONSTRAINT "FK_6830bc174c3bece0fb1d4aee28b"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP CONSTRAINT "FK_c2d369a2e8a9e3773f1682b8ac0"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP CONSTRAINT "FK_a56616f7f26de764cffb6c6c85a"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."invites_invited_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."invites_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."invites_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "invites"`);
    await queryRunner.query(`DROP INDEX "public"."documents_workspace_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."documents_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_user_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."personal_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."personal_tokens_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "personal_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_email_ip_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_ip_created_idx"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entries_workspace_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entries_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP TABLE "workspaces"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
