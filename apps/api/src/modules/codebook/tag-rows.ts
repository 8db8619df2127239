/** Reading tags: the row shape, its DTO, and the tree queries the codebook needs. */
import type { EntityManager } from 'typeorm';
import type { Tag as TagDto } from '@marginalia/shared';

export interface TagRow {
  id: string;
  parent_id: string | null;
  position: number;
  name: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  examples: string[];
  created_at: Date;
  updated_at: Date;
}

const TAG_COLUMNS = `t.id, t.parent_id, t.position, t.name, t.color, t.definition, t.inclusion, t.exclusion, t.examples, t.created_at, t.updated_at`;

export function toTagDto(row: TagRow): TagDto {
  return {
    id: row.id,
    parentId: row.parent_id,
    position: row.position,
    name: row.name,
    color: row.color,
    definition: row.definition,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    examples: row.examples,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every tag, depth first: parents before children, siblings by position. */
export async function readTagTree(manager: EntityManager, workspaceId: string): Promise<TagRow[]> {
  return (await manager.query(
    `WITH RECURSIVE tree AS (
       SELECT t.id, ARRAY[t.position] AS path FROM tags t WHERE t.workspace_id = $1 AND t.parent_id IS NULL
       UNION ALL
       SELECT c.id, tree.path || c.position FROM tags c JOIN tree ON c.parent_id = tree.id
     )
     SELECT ${TAG_COLUMNS} FROM tree JOIN tags t ON t.id = tree.id ORDER BY tree.path, t.name`,
    [workspaceId],
  )) as TagRow[];
}

export async function readTag(manager: EntityManager, workspaceId: string, tagId: string): Promise<TagRow | undefined> {
  const rows = (await manager.query(`SELECT ${TAG_COLUMNS} FROM tags t WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, tagId])) as TagRow[];
  return rows[0];
}

/** The tag and all its sub-tags at any depth. */
export async function subtreeIds(manager: EntityManager, tagId: string): Promise<string[]> {
  const rows = (await manager.query(
    `WITH RECURSIVE tree AS (SELECT id FROM tags WHERE id = $1 UNION ALL SELECT c.id FROM tags c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree`,
    [tagId],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Serialises codebook changes of one workspace (moves must see a settled tree to refuse cycles). */
export async function lockCodebook(manager: EntityManager, workspaceId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('marginalia:codebook:' || $1))`, [workspaceId]);
}

/** Unique violation of tags_sibling_name_key. */
export function isDuplicateTagName(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
