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
import { ANNOTATION_LIMITS, canPerform, type Annotation as AnnotationDto, type AnnotationListQuerySchema, type CreateAnnotationBody, type UpdateAnnotationBody } from '@marginalia/shared';
import { AnchorResolver } from '../anchors/anchor-resolver.service.js';
import { CodingSettingsService, othersHidden, type StoredCodingSettings } from '../codebook/coding-settings.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import { SELECT_ANNOTATIONS, annotationJson, toAnnotationDto, type AnnotationRow } from './annotation-rows.js';
import { SqlParams, ofKind, visibleTo } from './annotation-visibility.js';
import { ReaderAnnotationCache, type CachedAnnotations } from './reader-annotation-cache.js';

export interface Caller {
  member: WorkspaceMember;
  userId: string;
}

@Injectable()
export class AnnotationsService {
  private readonly readerCache = new ReaderAnnotationCache();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly anchors: AnchorResolver,
    private readonly settings: CodingSettingsService,
  ) {}

  /**
   * In document order, as the JSON of an AnnotationList; and when the caller accepts gzip and this is the reader's query for a document
   * (only `documentId`), the answer already gzipped from the cache.
   */
  async list(caller: Caller, query: z.output<typeof AnnotationListQuerySchema>, acceptsGzip: boolean): Promise<{ json: string; gzip: Buffer | null }> {
    const workspaceId = caller.member.workspaceId;
    const settings = await this.settings.read(workspaceId);
    const params = new SqlParams(workspaceId);
    const conditions = ['a.workspace_id = $1', visibleTo(settings, caller.userId, params), ofKind(query.kind, params)];
    if (query.documentId) conditions.push(`a.document_id = ${params.add(query.documentId)}`);
    if (query.analystId) conditions.push(`a.analyst_id = ${params.add(query.analystId)}`);
    if (query.tagId) conditions.push(`EXISTS (SELECT 1 FROM annotation_tags f WHERE f.annotation_id = a.id AND f.tag_id = ${params.add(query.tagId)})`);
    const where = conditions.join(' AND ');
    const forReader = query.documentId !== undefined && !query.analystId && !query.tagId;
    const annotations: CachedAnnotations = forReader ? await this.readerAnnotations(query, settings, caller, where, params) : { revision: '', ...(await this.annotationsJson(where, params, query.quotes)) };
    // Analysts are few and their names may change without touching any annotation: always read.
    const analysts = (await this.dataSource.query(
      `SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.id), '[]')::text AS json FROM users u WHERE u.id = ANY($1::uuid[])`,
      [annotations.analystIds],
    )) as [{ json: string }];
    const json = `{"annotations":${annotations.json},"analysts":${analysts[0].json}}`;
    const gzip = forReader && acceptsGzip && annotations.revision !== '' ? await this.readerCache.gzipped(annotations, analysts[0].json, json) : null;
    return { json, gzip };
  }

  /** The reader's query for one document: served from the cache while the document's annotations are unchanged. */
  private async readerAnnotations(query: z.output<typeof AnnotationListQuerySchema>, settings: StoredCodingSettings, caller: Caller, where: string, params: SqlParams): Promise<CachedAnnotations> {
    const rows = (await this.dataSource.query(`SELECT annotations_revision::text AS revision FROM documents WHERE id = $1 AND workspace_id = $2`, [query.documentId, caller.member.workspaceId])) as { revision: string }[];
    const revision = rows[0]?.revision;
    if (revision === undefined) return { revision: '', json: '[]', analystIds: [] };
    const key = `${query.documentId} ${othersHidden(settings) ? caller.userId : 'all'} ${query.kind} ${query.quotes}`;
    return this.readerCache.get(key, revision) ?? this.readerCache.set(key, { revision, ...(await this.annotationsJson(where, params, query.quotes)) });
  }

  /**
   * In document order, as JSON built by Postgres itself: thousands of rows never become
   * JavaScript objects only to be serialised again.
   */
  private async annotationsJson(where: string, params: SqlParams, quotes: boolean): Promise<{ json: string; analystIds: string[] }> {
    const rows = (await this.dataSource.query(
      `SELECT coalesce(json_agg(${annotationJson(quotes)} ORDER BY a.document_id, a.start, a."end", a.id), '[]')::text AS json,
              ARRAY(SELECT DISTINCT a.analyst_id::text FROM annotations a WHERE ${where} AND a.analyst_id IS NOT NULL) AS analyst_ids
         FROM annotations a WHERE ${where}`,
      params.values,
    )) as [{ json: string; analyst_ids: string[] }];
    return { json: rows[0].json, analystIds: rows[0].analyst_ids };
  }

  async create(caller: Caller, body: CreateAnnotationBody): Promise<AnnotationDto> {
    const workspaceId = caller.member.workspaceId;
    return await this.dataSource.transaction(async (manager) => {
      const kind = body.kind ?? 'analyst';
      if (kind === 'consensus' && othersHidden(await this.settings.read(workspaceId, manager))) {
        throw new ConflictException('blind coding hides the other analysts\u2019 annotations: an admin reveals them before a consensus is recorded');
      }
      const anchor = await this.resolveSpan(manager, workspaceId, { documentId: body.documentId, start: body.start, end: body.end, ...(body.exact !== undefined ? { exact: body.exact } : {}) });
      const memo = body.memo || null;
      const inserted = (await manager.query(
        `INSERT INTO annotations (workspace_id, document_id, analyst_id, kind, start, "end", exact, prefix, suffix, memo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, created_at, updated_at`,
        [workspaceId, anchor.documentId, caller.userId, kind, anchor.start, anchor.end, anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix, memo],
      )) as { id: string; created_at: Date; updated_at: Date }[];
      const row = inserted[0]!;
      await this.setTags(manager, workspaceId, row.id, body.tagIds);
      // Built from what was just written: a write answers without reading itself back.
      return toAnnotationDto({ ...row, document_id: anchor.documentId, start: anchor.start, end: anchor.end, ...anchor.quote, tag_ids: [...body.tagIds].sort(), memo, kind, analyst_id: caller.userId, analyst_name: null });
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
        await manager.query(`DELETE FROM annotation_tags WHERE annotation_id = $1`, [annotationId]);
        await this.setTags(manager, workspaceId, annotationId, changes.tagIds);
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

  /**
   * Gives the annotation its tags, only those of this workspace's codebook: when some are not,
   * 400 naming the first (the transaction, and so the annotation, is rolled back).
   */
  private async setTags(manager: EntityManager, workspaceId: string, annotationId: string, tagIds: readonly string[]): Promise<void> {
    const inserted = (await manager.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT $1, id FROM tags WHERE workspace_id = $2 AND id = ANY($3::uuid[]) RETURNING tag_id::text`, [
      annotationId,
      workspaceId,
      tagIds,
    ])) as { tag_id: string }[];
    if (inserted.length === tagIds.length) return;
    const known = new Set(inserted.map((row) => row.tag_id));
    throw new BadRequestException(`tagIds: ${tagIds.find((id) => !known.has(id)) ?? ''} is not a tag of this workspace's codebook`);
  }

  private async read(manager: EntityManager, workspaceId: string, annotationId: string): Promise<AnnotationDto> {
    const rows = (await manager.query(`${SELECT_ANNOTATIONS} WHERE a.workspace_id = $1 AND a.id = $2`, [workspaceId, annotationId])) as AnnotationRow[];
    return toAnnotationDto(rows[0]!);
  }
}
