/**
 * Retrieval and overview: every span coded with a tag (and its sub-tags) with its context and
 * citation, tag frequencies per document and per analyst, and tag co-occurrence per passage.
 * All of it through `visibleTo`, so blind coding holds here as in the reader.
 */
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { CodedSegmentList, CodedSegmentsQuerySchema, TagCoOccurrence, TagFrequencies, TagStatisticsQuery } from '@marginalia/shared';
import { CodingSettingsService } from '../codebook/coding-settings.service.js';
import type { Caller } from './annotations.service.js';
import { SqlParams, ofKind, visibleTo } from './annotation-visibility.js';

type SegmentsQuery = z.output<typeof CodedSegmentsQuerySchema>;

/** Characters of text shown either side of a coded span. */
const CONTEXT = 200;

interface SegmentRow {
  id: string;
  document_id: string;
  title: string;
  passage_index: number | null;
  start: number;
  end: number;
  exact: string;
  before: string;
  after: string;
  tag_ids: string[];
  memo: string | null;
  kind: 'analyst' | 'consensus';
  analyst_id: string | null;
  analyst_name: string | null;
  created_at: Date;
  total: string;
}

@Injectable()
export class CodedSegmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CodingSettingsService,
  ) {}

  async segments(caller: Caller, query: SegmentsQuery): Promise<CodedSegmentList> {
    const workspaceId = caller.member.workspaceId;
    const tag = (await this.dataSource.query(`SELECT 1 FROM tags WHERE id = $1 AND workspace_id = $2`, [query.tagId, workspaceId])) as unknown[];
    if (tag.length === 0) throw new BadRequestException("tagId: no such tag in this workspace's codebook");
    const params = new SqlParams(workspaceId, query.tagId);
    const conditions = [
      'a.workspace_id = $1',
      'EXISTS (SELECT 1 FROM annotation_tags f WHERE f.annotation_id = a.id AND f.tag_id IN (SELECT id FROM selected))',
      visibleTo(await this.settings.read(workspaceId), caller.userId, params),
      ofKind(query.kind, params),
    ];
    if (query.documentId) conditions.push(`a.document_id = ${params.add(query.documentId)}`);
    if (query.analystId) conditions.push(`a.analyst_id = ${params.add(query.analystId)}`);
    if (query.actorId) {
      conditions.push(`EXISTS (SELECT 1 FROM attributions r WHERE r.actor_id = ${params.add(query.actorId)} AND r.document_id = a.document_id AND r.start < a."end" AND r."end" > a.start)`);
    }
    const context = params.add(CONTEXT);
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE selected AS (
         SELECT id FROM tags WHERE id = $2
         ${query.includeSubtags ? 'UNION ALL SELECT c.id FROM tags c JOIN selected s ON c.parent_id = s.id' : ''}
       )
       SELECT a.id, a.document_id, d.title, a.start, a."end", a.exact, a.memo, a.kind, a.analyst_id, u.display_name AS analyst_name, a.created_at,
              (SELECT p.index FROM passages p WHERE p.document_id = a.document_id AND p.start <= a.start AND p."end" > a.start LIMIT 1) AS passage_index,
              substr(d.text, greatest(a.start - ${context}, 0) + 1, a.start - greatest(a.start - ${context}, 0)) AS before,
              substr(d.text, a."end" + 1, ${context}) AS after,
              ARRAY(SELECT t.tag_id::text FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY t.tag_id) AS tag_ids,
              count(*) OVER () AS total
         FROM annotations a JOIN documents d ON d.id = a.document_id LEFT JOIN users u ON u.id = a.analyst_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY lower(d.title), d.id, a.start, a."end", a.id
        LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`,
      params.values,
    )) as SegmentRow[];
    return {
      total: Number(rows[0]?.total ?? 0),
      segments: rows.map((row) => ({
        annotationId: row.id,
        documentId: row.document_id,
        documentTitle: row.title,
        passageNumber: row.passage_index === null ? null : row.passage_index + 1,
        start: row.start,
        end: row.end,
        exact: row.exact,
        before: row.before,
        after: row.after,
        tagIds: row.tag_ids,
        memo: row.memo,
        kind: row.kind,
        analyst: row.analyst_id ? { id: row.analyst_id, displayName: row.analyst_name ?? '' } : null,
        createdAt: row.created_at.toISOString(),
      })),
    };
  }

  async frequencies(caller: Caller, query: TagStatisticsQuery): Promise<TagFrequencies> {
    const { params, where } = await this.filters(caller, query);
    const from = `FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id WHERE ${where}`;
    const [byDocument, byAnalyst] = (await Promise.all([
      this.dataSource.query(`SELECT t.tag_id, a.document_id, count(*)::int AS n ${from} GROUP BY t.tag_id, a.document_id ORDER BY t.tag_id, a.document_id`, params.values),
      this.dataSource.query(
        `SELECT t.tag_id, a.analyst_id, max(u.display_name) AS analyst_name, count(*)::int AS n ${from.replace('WHERE', 'LEFT JOIN users u ON u.id = a.analyst_id WHERE')}
          GROUP BY t.tag_id, a.analyst_id ORDER BY t.tag_id, a.analyst_id`,
        params.values,
      ),
    ])) as [{ tag_id: string; document_id: string; n: number }[], { tag_id: string; analyst_id: string | null; analyst_name: string | null; n: number }[]];
    const analysts = new Map<string, string>();
    for (const row of byAnalyst) if (row.analyst_id) analysts.set(row.analyst_id, row.analyst_name ?? '');
    return {
      byDocument: byDocument.map((row) => ({ tagId: row.tag_id, documentId: row.document_id, annotations: row.n })),
      byAnalyst: byAnalyst.map((row) => ({ tagId: row.tag_id, analystId: row.analyst_id, annotations: row.n })),
      analysts: [...analysts].map(([id, displayName]) => ({ id, displayName })),
    };
  }

  /** A tag occurs in a passage when one of its visible spans overlaps it. */
  async coOccurrence(caller: Caller, query: TagStatisticsQuery): Promise<TagCoOccurrence> {
    const { params, where } = await this.filters(caller, query);
    const rows = (await this.dataSource.query(
      `WITH occurrences AS (
         SELECT DISTINCT p.id AS passage_id, t.tag_id
           FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id
           JOIN passages p ON p.document_id = a.document_id AND p.start < a."end" AND p."end" > a.start
          WHERE ${where}
       )
       SELECT x.tag_id AS a, y.tag_id AS b, count(*)::int AS n
         FROM occurrences x JOIN occurrences y ON y.passage_id = x.passage_id AND y.tag_id >= x.tag_id
        GROUP BY x.tag_id, y.tag_id ORDER BY x.tag_id, y.tag_id`,
      params.values,
    )) as { a: string; b: string; n: number }[];
    return {
      tags: rows.filter((row) => row.a === row.b).map((row) => ({ tagId: row.a, passages: row.n })),
      pairs: rows.filter((row) => row.a !== row.b).map((row) => ({ tagIdA: row.a, tagIdB: row.b, passages: row.n })),
    };
  }

  private async filters(caller: Caller, query: TagStatisticsQuery): Promise<{ params: SqlParams; where: string }> {
    const workspaceId = caller.member.workspaceId;
    const params = new SqlParams(workspaceId);
    const conditions = ['a.workspace_id = $1', visibleTo(await this.settings.read(workspaceId), caller.userId, params), ofKind(query.kind ?? 'analyst', params)];
    if (query.documentId) conditions.push(`a.document_id = ${params.add(query.documentId)}`);
    if (query.analystId) conditions.push(`a.analyst_id = ${params.add(query.analystId)}`);
    return { params, where: conditions.join(' AND ') };
  }
}
