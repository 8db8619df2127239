/**
 * Annotations: spans of documents coded with tags. Anchors are checked by the AnchorResolver,
 * tags must be in the workspace's codebook, and bad input changes nothing (one transaction).
 * Analysts change their own annotations; admins any. Reads go through `visibleTo`, so blind
 * coding is enforced here, not in the client.
 */
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ANNOTATION_LIMITS, canPerform, type Annotation as AnnotationDto, type AnnotationList, type AnnotationListQuerySchema, type CreateAnnotationBody, type UpdateAnnotationBody } from '@marginalia/shared';
import { AnchorResolver } from '../anchors/anchor-resolver.service.js';
import { CodingSettingsService, othersHidden } from '../codebook/coding-settings.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import { SELECT_ANNOTATIONS, analystsOf, selectAnnotations, toAnnotationDto, type AnnotationRow } from './annotation-rows.js';
import { SqlParams, ofKind, visibleTo } from './annotation-visibility.js';

export interface Caller {
  member: WorkspaceMember;
  userId: string;
}

@Injectable()
export class AnnotationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly anchors: AnchorResolver,
    private readonly settings: CodingSettingsService,
  ) {}

  /** In document order. With `documentId` this is the reader's one query for a document. */
  async list(caller: Caller, query: z.output<typeof AnnotationListQuerySchema>): Promise<AnnotationList> {
    const workspaceId = caller.member.workspaceId;
    const params = new SqlParams(workspaceId);
    const conditions = ['a.workspace_id = $1', visibleTo(await this.settings.read(workspaceId), caller.userId, params), ofKind(query.kind, params)];
    if (query.documentId) conditions.push(`a.document_id = ${params.add(query.documentId)}`);
    if (query.analystId) conditions.push(`a.analyst_id = ${params.add(query.analystId)}`);
    if (query.tagId) conditions.push(`EXISTS (SELECT 1 FROM annotation_tags f WHERE f.annotation_id = a.id AND f.tag_id = ${params.add(query.tagId)})`);
    const rows = (await this.dataSource.query(`${selectAnnotations(query.quotes)} WHERE ${conditions.join(' AND ')} ORDER BY a.document_id, a.start, a."end", a.id`, params.values)) as AnnotationRow[];
    return { annotations: rows.map(toAnnotationDto), analysts: analystsOf(rows) };
  }

  async create(caller: Caller, body: CreateAnnotationBody): Promise<AnnotationDto> {
    const workspaceId = caller.member.workspaceId;
    return await this.dataSource.transaction(async (manager) => {
      const kind = body.kind ?? 'analyst';
      if (kind === 'consensus' && othersHidden(await this.settings.read(workspaceId, manager))) {
        throw new ConflictException('blind coding hides the other analysts\u2019 annotations: an admin reveals them before a consensus is recorded');
      }
      const anchor = await this.resolveSpan(manager, workspaceId, { documentId: body.documentId, start: body.start, end: body.end, ...(body.exact !== undefined ? { exact: body.exact } : {}) });
      await this.assertTags(manager, workspaceId, body.tagIds);
      const inserted = (await manager.query(
        `INSERT INTO annotations (workspace_id, document_id, analyst_id, kind, start, "end", exact, prefix, suffix, memo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [workspaceId, anchor.documentId, caller.userId, kind, anchor.start, anchor.end, anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix, body.memo || null],
      )) as { id: string }[];
      const id = inserted[0]!.id;
      await this.setTags(manager, id, body.tagIds);
      return await this.read(manager, workspaceId, id);
    });
  }

  async update(caller: Caller, annotationId: string, changes: UpdateAnnotationBody): Promise<AnnotationDto> {
    const workspaceId = caller.member.workspaceId;
    return await this.dataSource.transaction(async (manager) => {
      const current = await this.ownOrManaged(manager, caller, annotationId, 'change');
      if (changes.start !== undefined && changes.end !== undefined) {
        const anchor = await this.resolveSpan(manager, workspaceId, { documentId: current.document_id, start: changes.start, end: changes.end });
        await manager.query(`UPDATE annotations SET start = $2, "end" = $3, exact = $4, prefix = $5, suffix = $6 WHERE id = $1`, [
          annotationId,
          anchor.start,
          anchor.end,
          anchor.quote.exact,
          anchor.quote.prefix,
          anchor.quote.suffix,
        ]);
      }
      if (changes.tagIds) {
        await this.assertTags(manager, workspaceId, changes.tagIds);
        await manager.query(`DELETE FROM annotation_tags WHERE annotation_id = $1`, [annotationId]);
        await this.setTags(manager, annotationId, changes.tagIds);
      }
      if (changes.memo !== undefined) await manager.query(`UPDATE annotations SET memo = $2 WHERE id = $1`, [annotationId, changes.memo || null]);
      await manager.query(`UPDATE annotations SET updated_at = now() WHERE id = $1`, [annotationId]);
      return await this.read(manager, workspaceId, annotationId);
    });
  }

  async remove(caller: Caller, annotationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.ownOrManaged(manager, caller, annotationId, 'delete');
      await manager.query(`DELETE FROM annotations WHERE id = $1`, [annotationId]);
    });
  }

  /** The annotation if the caller may see it (404 otherwise) and change it (403 otherwise). */
  private async ownOrManaged(manager: EntityManager, caller: Caller, annotationId: string, verb: 'change' | 'delete'): Promise<AnnotationRow> {
    const workspaceId = caller.member.workspaceId;
    const params = new SqlParams(workspaceId, annotationId);
    const visible = visibleTo(await this.settings.read(workspaceId, manager), caller.userId, params);
    const rows = (await manager.query(`${SELECT_ANNOTATIONS} WHERE a.workspace_id = $1 AND a.id = $2 AND ${visible} FOR UPDATE OF a`, params.values)) as AnnotationRow[];
    const row = rows[0];
    if (!row) throw new NotFoundException('annotation not found');
    if (row.analyst_id !== caller.userId && !canPerform(caller.member.role, 'annotations.manage')) {
      throw new ForbiddenException(`you can ${verb} only your own annotations; admins can ${verb} anyone's`);
    }
    return row;
  }

  private async resolveSpan(manager: EntityManager, workspaceId: string, input: { documentId: string; start: number; end: number; exact?: string }) {
    const anchor = await this.anchors.resolveText(workspaceId, input, manager);
    if (anchor.end - anchor.start > ANNOTATION_LIMITS.span) throw new BadRequestException(`an annotation covers at most ${ANNOTATION_LIMITS.span} characters`);
    return anchor;
  }

  /** Every tag must be in this workspace's codebook; 400 naming the first that is not. */
  private async assertTags(manager: EntityManager, workspaceId: string, tagIds: readonly string[]): Promise<void> {
    const rows = (await manager.query(`SELECT id FROM tags WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [workspaceId, tagIds])) as { id: string }[];
    const known = new Set(rows.map((row) => row.id));
    const unknown = tagIds.find((id) => !known.has(id));
    if (unknown) throw new BadRequestException(`tagIds: ${unknown} is not a tag of this workspace's codebook`);
  }

  private async setTags(manager: EntityManager, annotationId: string, tagIds: readonly string[]): Promise<void> {
    await manager.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT $1, unnest($2::uuid[])`, [annotationId, tagIds]);
  }

  private async read(manager: EntityManager, workspaceId: string, annotationId: string): Promise<AnnotationDto> {
    const rows = (await manager.query(`${SELECT_ANNOTATIONS} WHERE a.workspace_id = $1 AND a.id = $2`, [workspaceId, annotationId])) as AnnotationRow[];
    return toAnnotationDto(rows[0]!);
  }
}
