import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model functions or triggers): search in any language.
 *
 * - Each passage is indexed with the text search configuration of its document's language
 *   (`search_config_for_language`: a built-in Postgres configuration, with the stemmer and
 *   stop words of the languages Postgres has them for, `simple` for the others; no language
 *   means English, as before). Chinese, Japanese and Korean words are indexed as character
 *   pairs whatever the configuration, which only treats their Latin-script words: mostly
 *   English names and terms, so English, which also keeps "the" a stop word in a workspace
 *   of English and Chinese sources.
 * - Chinese, Japanese and Korean write words without spaces, so Postgres's parser would make a
 *   whole run of them one "word". `passage_search_text` rewrites each such run as its
 *   overlapping character pairs between its first and last character ("国家安全部" -> "国 国家
 *   家安 安全 全部 部"), which the parser indexes as consecutive words. A query is cut into
 *   pairs the same way (search/cjk-terms.ts) and matched as a phrase, so any two or more
 *   characters of the text are found, in order; every character starts some word, so one
 *   character is a prefix query. Text without such characters is left as it is.
 * - `tsquery_or_agg`: OR of tsqueries, to combine one query per configuration in use.
 * - `has_cjk`: whether a text has such characters (search snippets treat those passages apart).
 *
 * The character classes here and in packages/shared/src/text/cjk.ts must stay the same.
 * Every existing passage is re-indexed.
 */
export class MultilingualSearch1796458263753 implements MigrationInterface {
  name = 'MultilingualSearch1796458263753';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION search_config_for_language(language text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(coalesce(language, 'en'), '-', 1))
    WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
    WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
    WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
    WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
    WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
    WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
    WHEN 'zh' THEN 'english' WHEN 'ja' THEN 'english' WHEN 'ko' THEN 'english'
    ELSE 'simple'
  END
$$`);
    await queryRunner.query(`CREATE FUNCTION has_cjk(input text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT input ~ '[\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\U00020000-\\U0003134f]'
$$`);
    // Two linear regular expression passes, only over text that has CJK at all: spaces around
    // each run, then each character written twice with a space between ("AB" -> "A AB B").
    await queryRunner.query(`CREATE FUNCTION passage_search_text(input text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF NOT has_cjk(input) THEN
    RETURN input;
  END IF;
  RETURN regexp_replace(regexp_replace(input, '([\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\U00020000-\\U0003134f]+)', ' \\1 ', 'g'), '([\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\U00020000-\\U0003134f])', '\\1 \\1', 'g');
END
$$`);
    await queryRunner.query(`CREATE AGGREGATE tsquery_or_agg(tsquery) (SFUNC = tsquery_or, STYPE = tsquery)`);
    await queryRunner.query(`ALTER TABLE "passages" ADD "search_config" text NOT NULL DEFAULT 'english'`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION passages_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector(NEW.search_config::regconfig, passage_search_text(NEW.text));
  RETURN NEW;
END
$$`);
    await queryRunner.query(`DROP TRIGGER passages_search_vector_trigger ON "passages"`);
    await queryRunner.query(
      `CREATE TRIGGER passages_search_vector_trigger BEFORE INSERT OR UPDATE OF text, search_config ON "passages" FOR EACH ROW EXECUTE FUNCTION passages_search_vector_update()`,
    );
    // Re-index every passage (the trigger runs for each row whose search_config is set).
    await queryRunner.query(`UPDATE "passages" p SET search_config = search_config_for_language(d.language) FROM "documents" d WHERE d.id = p.document_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER passages_search_vector_trigger ON "passages"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION passages_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('english'::regconfig, NEW.text);
  RETURN NEW;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER passages_search_vector_trigger BEFORE INSERT OR UPDATE OF text ON "passages" FOR EACH ROW EXECUTE FUNCTION passages_search_vector_update()`);
    await queryRunner.query(`ALTER TABLE "passages" DROP COLUMN "search_config"`);
    await queryRunner.query(`UPDATE "passages" SET text = text`);
    await queryRunner.query(`DROP AGGREGATE tsquery_or_agg(tsquery)`);
    await queryRunner.query(`DROP FUNCTION passage_search_text(text)`);
    await queryRunner.query(`DROP FUNCTION has_cjk(text)`);
    await queryRunner.query(`DROP FUNCTION search_config_for_language(text)`);
  }
}
