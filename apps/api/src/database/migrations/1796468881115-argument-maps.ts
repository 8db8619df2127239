import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ArgumentMaps1796468881115 implements MigrationInterface {
  name = 'ArgumentMaps1796468881115';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "argument_maps" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "title" text NOT NULL, "doc_name" text NOT NULL, "created_by" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, "node_count" integer NOT NULL DEFAULT '0', "edge_count" integer NOT NULL DEFAULT '0', CONSTRAINT "REL_8a2b0a5c76e1b67003377e848d" UNIQUE ("doc_name"), CONSTRAINT "PK_831511d9f377991fc35bf7aca90" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "argument_maps_workspace_id_idx" ON "argument_maps"  ("workspace_id") `);
    await queryRunner.query(`CREATE TABLE "map_citations" ("map_id" uuid NOT NULL, "link_id" text NOT NULL, "workspace_id" uuid NOT NULL, "node_id" text NOT NULL, "node_kind" text NOT NULL, "node_text" text NOT NULL, "document_id" uuid NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "exact" text NOT NULL, "annotation_id" uuid, CONSTRAINT "PK_e30cdaad763aa91c2ebec591196" PRIMARY KEY ("map_id", "link_id"))`);
    await queryRunner.query(`CREATE INDEX "map_citations_document_idx" ON "map_citations"  ("document_id", "start") `);
    await queryRunner.query(`ALTER TABLE "argument_maps" ADD CONSTRAINT "FK_48718996f7c7640c045667e91a4" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "argument_maps" ADD CONSTRAINT "FK_8a2b0a5c76e1b67003377e848d0" FOREIGN KEY ("doc_name") REFERENCES "collab_documents"("name") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "argument_maps" ADD CONSTRAINT "FK_1dad2e8a45c867acf3be1e25532" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_citations" ADD CONSTRAINT "FK_9493b4e9ee2e3a9c12c58ee8895" FOREIGN KEY ("map_id") REFERENCES "argument_maps"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_citations" ADD CONSTRAINT "FK_201ce6f7b7d6002081fad69f9ab" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_citations" ADD CONSTRAINT "FK_0b48225eb66409737ab69f0002c" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "map_citations" DROP CONSTRAINT "FK_0b48225eb66409737ab69f0002c"`);
    await queryRunner.query(`ALTER TABLE "map_citations" DROP CONSTRAINT "FK_201ce6f7b7d6002081fad69f9ab"`);
    await queryRunner.query(`ALTER TABLE "map_citations" DROP CONSTRAINT "FK_9493b4e9ee2e3a9c12c58ee8895"`);
    await queryRunner.query(`ALTER TABLE "argument_maps" DROP CONSTRAINT "FK_1dad2e8a45c867acf3be1e25532"`);
    await queryRunner.query(`ALTER TABLE "argument_maps" DROP CONSTRAINT "FK_8a2b0a5c76e1b67003377e848d0"`);
    await queryRunner.query(`ALTER TABLE "argument_maps" DROP CONSTRAINT "FK_48718996f7c7640c045667e91a4"`);
    await queryRunner.query(`DROP INDEX "public"."map_citations_document_idx"`);
    await queryRunner.query(`DROP TABLE "map_citations"`);
    await queryRunner.query(`DROP INDEX "public"."argument_maps_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "argument_maps"`);
  }
}
