/**
 * The codebook: create, edit, move (reparent and reorder, never into its own subtree), merge
 * and delete tags. Every change takes the workspace's codebook lock, is audited in the same
 * transaction, and keeps sibling positions dense (0..n-1).
 */
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TAG_LIMITS, canPerform, defaultTagColor, type CreateTagBody, type DeleteTagQuery, type MoveTagBody, type Tag as TagDto, type UpdateTagBody } from '@marginalia/shared';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import { CodingSettingsService } from './coding-settings.service.js';
import { isDuplicateTagName, lockCodebook, readTag, readTagTree, subtreeIds, toTagDto, type TagRow } from './tag-rows.js';

@Injectable()
export class TagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: CodingSettingsService,
  ) {}

  async list(workspaceId: string): Promise<TagDto[]> {
    return (await readTagTree(this.dataSource.manager, workspaceId)).map(toTagDto);
  }

  /** Admins add tags; editors too when the workspace lets them add tags while coding. */
  async create(member: WorkspaceMember, userId: string, body: CreateTagBody): Promise<TagDto> {
    return await this.change(member.workspaceId, async (manager) => {
      if (!canPerform(member.role, 'codebook.manage') && !(await this.settings.read(member.workspaceId, manager)).editorsCreateTags) {
        throw new ForbiddenException('only admins add tags in this workspace; an admin can let editors add tags while coding');
      }
      const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM tags WHERE workspace_id = $1`, [member.workspaceId])) as [{ count: number }];
      if (count >= TAG_LIMITS.tags) throw new ConflictException(`a codebook holds at most ${TAG_LIMITS.tags} tags`);
      const parentId = body.parentId ?? null;
      if (parentId) await this.existing(manager, member.workspaceId, parentId, 'parentId');
      const position = await this.siblingCount(manager, member.workspaceId, parentId);
      const rows = (await manager.query(
        `INSERT INTO tags (workspace_id, parent_id, position, name, color, definition, inclusion, exclusion, examples, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) RETURNING id`,
        [member.workspaceId, parentId, position, body.name, body.color ?? defaultTagColor(count), body.definition ?? '', body.inclusion ?? '', body.exclusion ?? '', JSON.stringify(body.examples ?? []), userId],
      )) as { id: string }[];
      const tag = toTagDto(await this.existing(manager, member.workspaceId, rows[0]!.id));
      return { tag, audit: { action: 'tag.created', details: { tagId: tag.id, name: tag.name, parentId } } };
    }, userId);
  }

  async update(workspaceId: string, actorId: string, tagId: string, changes: UpdateTagBody): Promise<TagDto> {
    return await this.change(workspaceId, async (manager) => {
      const before = await this.existing(manager, workspaceId, tagId);
      const patch = { ...changes, ...(changes.examples ? { examples: JSON.stringify(changes.examples) } : {}) };
      const columns = Object.keys(patch);
      await manager.query(
        `UPDATE tags SET ${columns.map((column, i) => `"${column}" = $${i + 3}${column === 'examples' ? '::jsonb' : ''}`).join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, tagId, ...columns.map((column) => patch[column as keyof typeof patch])],
      );
      const tag = toTagDto(await this.existing(manager, workspaceId, tagId));
      return { tag, audit: { action: 'tag.updated', details: { tagId, name: tag.name, ...(changes.name && changes.name !== before.name ? { from: before.name } : {}), fields: Object.keys(changes) } } };
    }, actorId);
  }

  async move(workspaceId: string, actorId: string, tagId: string, body: MoveTagBody): Promise<TagDto> {
    return await this.change(workspaceId, async (manager) => {
      const tag = await this.existing(manager, workspaceId, tagId);
      const parentId = body.parentId;
      if (parentId) {
        await this.existing(manager, workspaceId, parentId, 'parentId');
        if ((await subtreeIds(manager, tagId)).includes(parentId)) throw new BadRequestException('parentId: a tag cannot move under itself or one of its sub-tags');
      }
      await this.detach(manager, workspaceId, tag);
      const siblings = await this.siblingCount(manager, workspaceId, parentId);
      const position = Math.min(body.position ?? siblings, siblings);
      await manager.query(`UPDATE tags SET position = position + 1 WHERE workspace_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position >= $3`, [workspaceId, parentId, position]);
      await manager.query(`UPDATE tags SET parent_id = $3, position = $4, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, tagId, parentId, position]);
      return { tag: toTagDto(await this.existing(manager, workspaceId, tagId)), audit: { action: 'tag.moved', details: { tagId, name: tag.name, fromParentId: tag.parent_id, parentId, position } } };
    }, actorId);
  }

  /** The route's tag goes into `intoTagId`: annotations carry the target instead, sub-tags move under it. */
  async merge(workspaceId: string, actorId: string, tagId: string, intoTagId: string): Promise<TagDto> {
    return await this.change(workspaceId, async (manager) => {
      const source = await this.existing(manager, workspaceId, tagId);
      const target = await this.existing(manager, workspaceId, intoTagId, 'intoTagId');
      if (source.id === target.id) throw new BadRequestException('intoTagId: a tag cannot be merged into itself');
      if ((await subtreeIds(manager, tagId)).includes(intoTagId)) throw new BadRequestException('intoTagId: a tag cannot be merged into one of its own sub-tags');
      const annotations = await this.retag(manager, tagId, intoTagId);
      await this.detach(manager, workspaceId, source);
      await this.adoptChildren(manager, workspaceId, tagId, intoTagId);
      await manager.query(`DELETE FROM tags WHERE id = $1`, [tagId]);
      return {
        tag: toTagDto(await this.existing(manager, workspaceId, intoTagId)),
        audit: { action: 'tag.merged', details: { tagId, name: source.name, intoTagId, intoName: target.name, annotations } },
      };
    }, actorId);
  }

  /**
   * Deletes a tag. Its annotations: `move` gives them `moveTo` instead; `delete` removes the tag
   * from them and deletes those left with no tag. Its sub-tags move up to its parent.
   */
  async remove(workspaceId: string, actorId: string, tagId: string, query: DeleteTagQuery): Promise<void> {
    await this.change(workspaceId, async (manager) => {
      const tag = await this.existing(manager, workspaceId, tagId);
      let annotations: number;
      if (query.annotations === 'move') {
        const moveTo = await this.existing(manager, workspaceId, query.moveTo!, 'moveTo');
        if (moveTo.id === tagId) throw new BadRequestException('moveTo: choose another tag than the one being deleted');
        annotations = await this.retag(manager, tagId, moveTo.id);
      } else {
        const deleted = (await manager.query(
          `DELETE FROM annotations a WHERE a.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = $1)
             AND NOT EXISTS (SELECT 1 FROM annotation_tags o WHERE o.annotation_id = a.id AND o.tag_id <> $1) RETURNING a.id`,
          [tagId],
        )) as [unknown[], number];
        annotations = deleted[1] ?? 0;
      }
      await this.detach(manager, workspaceId, tag);
      await this.adoptChildren(manager, workspaceId, tagId, tag.parent_id);
      await manager.query(`DELETE FROM tags WHERE id = $1`, [tagId]);
      return { tag: undefined, audit: { action: 'tag.deleted', details: { tagId, name: tag.name, annotations: query.annotations, ...(query.moveTo ? { moveTo: query.moveTo } : {}), annotationCount: annotations } } };
    }, actorId);
  }

  /** Runs a codebook change under the workspace's lock and audits it in the same transaction. */
  private async change<T extends TagDto | undefined>(
    workspaceId: string,
    work: (manager: EntityManager) => Promise<{ tag: T; audit: Pick<AuditRecord, 'action' | 'details'> }>,
    actorId?: string,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await lockCodebook(manager, workspaceId);
        const { tag, audit } = await work(manager);
        await this.audit.record(manager, { workspaceId, actorId: actorId ?? null, ...audit });
        return tag;
      });
    } catch (error) {
      if (isDuplicateTagName(error)) throw new ConflictException('a tag with this name already exists at this level of the codebook');
      throw error;
    }
  }

  /** The tag, or 404 (the route's own tag) / 400 naming the body or query field that points at it. */
  private async existing(manager: EntityManager, workspaceId: string, tagId: string, field?: string): Promise<TagRow> {
    const row = await readTag(manager, workspaceId, tagId);
    if (!row) {
      if (field) throw new BadRequestException(`${field}: no such tag in this workspace's codebook`);
      throw new NotFoundException('tag not found');
    }
    return row;
  }

  /** Children of `parentId` (null: top level), not counting a tag on its way out. */
  private async siblingCount(manager: EntityManager, workspaceId: string, parentId: string | null): Promise<number> {
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM tags WHERE workspace_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position >= 0`, [
      workspaceId,
      parentId,
    ])) as [{ count: number }];
    return count;
  }

  /** Closes the gap a tag leaves among its siblings. */
  private async detach(manager: EntityManager, workspaceId: string, tag: { id: string; parent_id: string | null; position: number }): Promise<void> {
    await manager.query(`UPDATE tags SET position = position - 1 WHERE workspace_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position > $3 AND id <> $4`, [
      workspaceId,
      tag.parent_id,
      tag.position,
      tag.id,
    ]);
    await manager.query(`UPDATE tags SET position = -1 WHERE id = $1`, [tag.id]);
  }

  /** Sub-tags of `fromId` go to the end of `toParentId`'s children, in their order. */
  private async adoptChildren(manager: EntityManager, workspaceId: string, fromId: string, toParentId: string | null): Promise<void> {
    const offset = await this.siblingCount(manager, workspaceId, toParentId);
    await manager.query(`UPDATE tags SET parent_id = $2, position = position + $3, updated_at = now() WHERE parent_id = $1`, [fromId, toParentId, offset]);
  }

  /** Annotations tagged `fromId` carry `toId` instead (once); returns how many had `fromId`. */
  private async retag(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, $2 FROM annotation_tags WHERE tag_id = $1 ON CONFLICT DO NOTHING`, [fromId, toId]);
    const deleted = (await manager.query(`DELETE FROM annotation_tags WHERE tag_id = $1`, [fromId])) as [unknown[], number];
    return deleted[1] ?? 0;
  }
}
