import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertPassages } from '../../modules/documents/document-writer.js';

export class Corpus1795433371468 implements MigrationInterface {
  name = 'Corpus1795433371468';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "actors" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL, "affiliation" text, "description" text, CONSTRAINT "PK_d8608598c2c4f907a78de2ae461" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "actors_workspace_id_idx" ON "actors"  ("workspace_id") `);
    await queryRunner.query(`CREATE TABLE "actor_candidates" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL, "affiliation" text, "status" text NOT NULL DEFAULT 'pending', "evidence" jsonb NOT NULL DEFAULT '[]', "actor_id" uuid, CONSTRAINT "actor_candidates_status_check" CHECK ("status" IN ('pending', 'accepted', 'dismissed')), CONSTRAINT "PK_d98f953e8bd0200d37e1075e3a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "actor_candidates_workspace_id_idx" ON "actor_candidates"  ("workspace_id") `);
    await queryRunner.query(`CREATE INDEX "actor_candidates_actor_id_idx" ON "actor_candidates"  ("actor_id") `);
    await queryRunner.query(`CREATE TABLE "passages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "document_id" uuid NOT NULL, "index" integer NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "sentences" jsonb NOT NULL, "text" text NOT NULL, "search_vector" tsvector, CONSTRAINT "PK_5f625d72252d22b1826b4ac79cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "passages_workspace_id_idx" ON "passages"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "passages_document_index_key" ON "passages"  ("document_id", "index") `);
    await queryRunner.query(`CREATE TABLE "attributions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "document_id" uuid NOT NULL, "passage_id" uuid, "start" integer NOT NULL, "end" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attributions_span_check" CHECK ("start" >= 0 AND "end" > "start"), CONSTRAINT "PK_fa853a864fa2e39faa5ebd30c17" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "attributions_actor_id_idx" ON "attributions"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "attributions_document_id_idx" ON "attributions"  ("document_id") `);
    await queryRunner.query(`CREATE INDEX "attributions_passage_id_idx" ON "attributions"  ("passage_id") `);
    await queryRunner.query(`CREATE INDEX "attributions_created_by_idx" ON "attributions"  ("created_by") `);
    await queryRunner.query(`CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "created_by" uuid, "status" text NOT NULL DEFAULT 'queued', "total_files" integer NOT NULL DEFAULT '0', "processed_files" integer NOT NULL DEFAULT '0', "files" jsonb NOT NULL DEFAULT '[]', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "import_jobs_status_check" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "import_jobs_workspace_id_idx" ON "import_jobs"  ("workspace_id") `);
    await queryRunner.query(`CREATE INDEX "import_jobs_created_by_idx" ON "import_jobs"  ("created_by") `);
    await queryRunner.query(`CREATE INDEX "import_jobs_status_created_idx" ON "import_jobs"  ("status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "import_uploads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" uuid NOT NULL, "position" integer NOT NULL, "filename" text NOT NULL, "media_type" text, "content" bytea NOT NULL, CONSTRAINT "PK_58545a8417eb0cb1985c71adeb1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "import_uploads_job_id_idx" ON "import_uploads"  ("job_id") `);
    await queryRunner.query(`ALTER TABLE "documents" ADD "title_proposed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "source" text`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "author" text`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "published_on" date`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "url" text`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "language" text`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "fields" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "character_count" integer`);
    // Existing rows: char_length counts code points in a UTF-8 database, as the API does.
    await queryRunner.query(`UPDATE "documents" SET "character_count" = char_length("text")`);
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "character_count" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "imported_by" uuid`);
    await queryRunner.query(`CREATE INDEX "documents_imported_by_idx" ON "documents"  ("imported_by") `);
    await queryRunner.query(`ALTER TABLE "actors" ADD CONSTRAINT "FK_431c6aede3b60f4f7338d927c65" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "actor_candidates" ADD CONSTRAINT "FK_c31b86076c7b06d1ec6f9ed99e1" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "actor_candidates" ADD CONSTRAINT "FK_cbe9363c2f7dc177a74aca3277b" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "FK_07b22deeeeaca830ef5b66ea959" FOREIGN KEY ("imported_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "passages" ADD CONSTRAINT "FK_61ce0c54dbb52df1f2cb8b92612" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "passages" ADD CONSTRAINT "FK_9da35be140b15ed8055dcc6a057" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attributions" ADD CONSTRAINT "FK_729334edfdd5837eeec8d5fb239" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attributions" ADD CONSTRAINT "FK_99e504271663bb11f4946ca4196" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attributions" ADD CONSTRAINT "FK_b96479a2879a5a2a6588da2d8c9" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attributions" ADD CONSTRAINT "FK_7f69750597beda736df9d23b171" FOREIGN KEY ("passage_id") REFERENCES "passages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attributions" ADD CONSTRAINT "FK_02438018411289ccb9d4733bd4c" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_7a909e75bef9b8c658529b8dfa0" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_c1e1a770077399d5c20cb404cbf" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "import_uploads" ADD CONSTRAINT "FK_7028e776daecb619c4393a0612e" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written: what TypeORM cannot express. Search vectors are maintained by the
    // database (a trigger), indexed with GIN; actor names are unique per workspace, ignoring case.
    await queryRunner.query(`CREATE FUNCTION passages_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('english'::regconfig, NEW.text);
  RETURN NEW;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER passages_search_vector_trigger BEFORE INSERT OR UPDATE OF text ON "passages" FOR EACH ROW EXECUTE FUNCTION passages_search_vector_update()`);
    await queryRunner.query(`CREATE INDEX "passages_search_idx" ON "passages" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "actors_workspace_name_key" ON "actors" ("workspace_id", lower("name"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "actor_candidates_workspace_name_key" ON "actor_candidates" ("workspace_id", lower("name"))`);
    // Documents stored before passages existed get theirs now.
    const documents = (await queryRunner.query(`SELECT id, workspace_id AS "workspaceId", text, language FROM "documents"`)) as { id: string; workspaceId: string; text: string; language: string | null }[];
    for (const document of documents) await insertPassages(queryRunner.manager, document);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "actor_candidates_workspace_name_key"`);
    await queryRunner.query(`DROP INDEX "actors_workspace_name_key"`);
    await queryRunner.query(`DROP INDEX "passages_search_idx"`);
    await queryRunner.query(`DROP TRIGGER passages_search_vector_trigger ON "passages"`);
    await queryRunner.query(`DROP FUNCTION passages_search_vector_update()`);
    await queryRunner.query(`ALTER TABLE "import_uploads" DROP CONSTRAINT "FK_7028e776daecb619c4393a0612e"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_c1e1a770077399d5c20cb404cbf"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_7a909e75bef9b8c658529b8dfa0"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "FK_02438018411289ccb9d4733bd4c"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "FK_7f69750597beda736df9d23b171"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "FK_b96479a2879a5a2a6588da2d8c9"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "FK_99e504271663bb11f4946ca4196"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "FK_729334edfdd5837eeec8d5fb239"`);
    await queryRunner.query(`ALTER TABLE "passages" DROP CONSTRAINT "FK_9da35be140b15ed8055dcc6a057"`);
    await queryRunner.query(`ALTER TABLE "passages" DROP CONSTRAINT "FK_61ce0c54dbb52df1f2cb8b92612"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_07b22deeeeaca830ef5b66ea959"`);
    await queryRunner.query(`ALTER TABLE "actor_candidates" DROP CONSTRAINT "FK_cbe9363c2f7dc177a74aca3277b"`);
    await queryRunner.query(`ALTER TABLE "actor_candidates" DROP CONSTRAINT "FK_c31b86076c7b06d1ec6f9ed99e1"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP CONSTRAINT "FK_431c6aede3b60f4f7338d927c65"`);
    await queryRunner.query(`DROP INDEX "public"."documents_imported_by_idx"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "imported_by"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "character_count"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "fields"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "url"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "published_on"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "author"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "title_proposed"`);
    await queryRunner.query(`DROP INDEX "public"."import_uploads_job_id_idx"`);
    await queryRunner.query(`DROP TABLE "import_uploads"`);
    await queryRunner.query(`DROP INDEX "public"."import_jobs_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."import_jobs_created_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."import_jobs_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
    await queryRunner.query(`DROP INDEX "public"."attributions_created_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attributions_passage_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attributions_document_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attributions_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "attributions"`);
    await queryRunner.query(`DROP INDEX "public"."passages_document_index_key"`);
    await queryRunner.query(`DROP INDEX "public"."passages_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "passages"`);
    await queryRunner.query(`DROP INDEX "public"."actor_candidates_actor_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."actor_candidates_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "actor_candidates"`);
    await queryRunner.query(`DROP INDEX "public"."actors_workspace_id_idx"`);
    await queryRunner.query(`DROP TABLE "actors"`);
  }
}
