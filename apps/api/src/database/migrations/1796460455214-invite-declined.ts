import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InviteDeclined1796460455214 implements MigrationInterface {
  name = 'InviteDeclined1796460455214';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invites" ADD "declined_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invites" DROP COLUMN "declined_at"`);
  }
}
