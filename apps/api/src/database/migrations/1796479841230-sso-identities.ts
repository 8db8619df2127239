import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SsoIdentities1796479841230 implements MigrationInterface {
  name = 'SsoIdentities1796479841230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sso_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "email_at_link" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_signed_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a8d11d478e6dc2743d407a7456a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sso_identities_user_id_idx" ON "sso_identities"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "sso_identities_issuer_subject_key" ON "sso_identities"  ("issuer", "subject") `);
    await queryRunner.query(`CREATE TABLE "oidc_transactions" ("key_hash" text NOT NULL, "state" text NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "issuer" text NOT NULL, "redirect_uri" text NOT NULL, "return_to" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c83706f153ea0eb27b5165fb60d" PRIMARY KEY ("key_hash"))`);
    await queryRunner.query(`CREATE INDEX "oidc_transactions_expires_at_idx" ON "oidc_transactions"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "sso_identities" ADD CONSTRAINT "FK_17b0ed9f37917807a7072f71f96" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_identities" DROP CONSTRAINT "FK_17b0ed9f37917807a7072f71f96"`);
    await queryRunner.query(`DROP INDEX "public"."oidc_transactions_expires_at_idx"`);
    await queryRunner.query(`DROP TABLE "oidc_transactions"`);
    await queryRunner.query(`DROP INDEX "public"."sso_identities_issuer_subject_key"`);
    await queryRunner.query(`DROP INDEX "public"."sso_identities_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "sso_identities"`);
  }
}
