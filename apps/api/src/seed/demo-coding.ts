/**
 * Seeds the demo workspace's coding from seeds/demo-coding.json: a starter codebook and the
 * independent annotations of three analysts over every article, so the comparison view has
 * real agreement and disagreement to show. Quotes are located in the stored text, so offsets
 * are right whatever normalisation the import applied. Runs once: only while the workspace has
 * no tags (afterwards the codebook belongs to its people). Called by seedDemoWorkspace while it
 * holds the seed's session advisory lock, so nodes starting together cannot both insert it (a
 * lock taken here again, on another connection, would wait for that one forever).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OffsetMap, TAG_COLOR_NAMES, quoteOf } from '@marginalia/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';

interface SeedTag {
  name: string;
  definition: string;
  inclusion?: string | undefined;
  exclusion?: string | undefined;
  examples?: string[] | undefined;
  color?: string | undefined;
  children?: SeedTag[] | undefined;
}

const SeedTagSchema: z.ZodType<SeedTag> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    definition: z.string(),
    inclusion: z.string().optional(),
    exclusion: z.string().optional(),
    examples: z.array(z.string()).optional(),
    color: z.enum(TAG_COLOR_NAMES as [string, ...string[]]).optional(),
    children: z.array(SeedTagSchema).optional(),
  }),
);

const DemoCodingSchema = z.object({
  /** Short analyst keys -> account emails (accounts come from demo-workspace.json). */
  analysts: z.record(z.string(), z.email()),
  codebook: z.array(SeedTagSchema),
  annotations: z.array(
    z.object({
      file: z.string().min(1),
      /** Exact text of the article; its first occurrence is coded. */
      quote: z.string().min(1),
      /** Analyst key -> names of the tags that analyst applied. */
      by: z.record(z.string(), z.array(z.string().min(1)).min(1)),
      memo: z.record(z.string(), z.string()).optional(),
    }),
  ),
});
export type DemoCoding = z.infer<typeof DemoCodingSchema>;

export async function loadDemoCoding(seedsDir: string): Promise<DemoCoding> {
  return DemoCodingSchema.parse(JSON.parse(await readFile(path.join(seedsDir, 'demo-coding.json'), 'utf8')));
}

/** Returns how many annotations it wrote (0 when the workspace already has a codebook). */
export async function seedDemoCoding(dataSource: DataSource, workspaceId: string, ownerEmail: string, seedsDir: string): Promise<number> {
  const coding = await loadDemoCoding(seedsDir);
  return await dataSource.transaction(async (manager) => {
    const existing = (await manager.query(`SELECT 1 FROM tags WHERE workspace_id = $1 LIMIT 1`, [workspaceId])) as unknown[];
    if (existing.length > 0) return 0;
    const users = await userIds(manager, [ownerEmail, ...Object.values(coding.analysts)]);
    const tagIds = new Map<string, string>();
    await insertTags(manager, workspaceId, users.get(ownerEmail.toLowerCase()) ?? null, coding.codebook, null, tagIds);
    return await insertAnnotations(manager, workspaceId, coding, users, tagIds);
  });
}

async function userIds(manager: EntityManager, emails: string[]): Promise<Map<string, string>> {
  const rows = (await manager.query(`SELECT id, email FROM users WHERE email = ANY($1::text[])`, [emails.map((email) => email.toLowerCase())])) as { id: string; email: string }[];
  return new Map(rows.map((row) => [row.email, row.id]));
}

async function insertTags(manager: EntityManager, workspaceId: string, createdBy: string | null, tags: SeedTag[], parentId: string | null, ids: Map<string, string>): Promise<void> {
  for (const [position, tag] of tags.entries()) {
    const rows = (await manager.query(
      `INSERT INTO tags (workspace_id, parent_id, position, name, color, definition, inclusion, exclusion, examples, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) RETURNING id`,
      [workspaceId, parentId, position, tag.name, tag.color ?? TAG_COLOR_NAMES[position % TAG_COLOR_NAMES.length], tag.definition, tag.inclusion ?? '', tag.exclusion ?? '', JSON.stringify(tag.examples ?? []), createdBy],
    )) as { id: string }[];
    if (ids.has(tag.name)) throw new Error(`demo-coding.json: the tag name "${tag.name}" is used twice`);
    ids.set(tag.name, rows[0]!.id);
    await insertTags(manager, workspaceId, createdBy, tag.children ?? [], rows[0]!.id, ids);
  }
}

async function insertAnnotations(manager: EntityManager, workspaceId: string, coding: DemoCoding, users: Map<string, string>, tagIds: Map<string, string>): Promise<number> {
  const texts = new Map<string, { id: string; map: OffsetMap }>();
  let written = 0;
  for (const entry of coding.annotations) {
    let document = texts.get(entry.file);
    if (!document) {
      const rows = (await manager.query(`SELECT id, text FROM documents WHERE workspace_id = $1 AND source_filename = $2`, [workspaceId, path.basename(entry.file)])) as { id: string; text: string }[];
      if (!rows[0]) continue; // the document was deleted: nothing to code
      document = { id: rows[0].id, map: new OffsetMap(rows[0].text) };
      texts.set(entry.file, document);
    }
    const at = document.map.text.indexOf(entry.quote);
    if (at < 0) throw new Error(`demo-coding.json: "${entry.quote.slice(0, 40)}..." is not in ${entry.file}`);
    const start = document.map.toCodePoint(at);
    const end = document.map.toCodePoint(at + entry.quote.length);
    const quote = quoteOf(document.map, start, end);
    for (const [analyst, tagNames] of Object.entries(entry.by)) {
      const userId = users.get((coding.analysts[analyst] ?? '').toLowerCase());
      if (!userId) throw new Error(`demo-coding.json: no account for analyst "${analyst}"`);
      const ids = tagNames.map((name) => {
        const id = tagIds.get(name);
        if (!id) throw new Error(`demo-coding.json: no tag named "${name}"`);
        return id;
      });
      const rows = (await manager.query(
        `INSERT INTO annotations (workspace_id, document_id, analyst_id, start, "end", exact, prefix, suffix, memo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [workspaceId, document.id, userId, start, end, quote.exact, quote.prefix, quote.suffix, entry.memo?.[analyst] ?? null],
      )) as { id: string }[];
      await manager.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT $1, unnest($2::uuid[])`, [rows[0]!.id, ids]);
      written += 1;
    }
  }
  return written;
}
