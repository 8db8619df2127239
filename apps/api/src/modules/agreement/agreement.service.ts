/**
 * Analyst comparison over the workspace's data: loads the passages of the chosen documents and
 * the analysts' own annotations (never consensus ones), then hands them to the pure
 * `compareCoding` of @marginalia/shared, whose coefficients are checked against published
 * examples. Refused while blind coding hides the analysts from each other.
 */
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { compareCoding, type AgreementQuerySchema, type AgreementReport, type CodedSpan, type ComparedDocument } from '@marginalia/shared';
import { CodingSettingsService, othersHidden } from '../codebook/coding-settings.service.js';

type AgreementQuery = z.output<typeof AgreementQuerySchema>;

@Injectable()
export class AgreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CodingSettingsService,
  ) {}

  async compare(workspaceId: string, query: AgreementQuery): Promise<AgreementReport> {
    if (othersHidden(await this.settings.read(workspaceId))) {
      throw new ConflictException('blind coding is on: an admin reveals the annotations before analysts are compared');
    }
    const analysts = [...new Set(query.analysts)];
    const members = (await this.dataSource.query(`SELECT user_id::text FROM memberships WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])`, [workspaceId, analysts])) as { user_id: string }[];
    const memberIds = new Set(members.map((row) => row.user_id));
    const stranger = analysts.find((id) => !memberIds.has(id));
    if (stranger) throw new BadRequestException(`analysts: ${stranger} is not a member of this workspace`);

    const documentRows = (await this.dataSource.query(
      `SELECT id::text, character_count FROM documents WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY id`,
      [workspaceId, query.documents ?? null],
    )) as { id: string; character_count: number }[];
    if (query.documents && documentRows.length !== new Set(query.documents).size) throw new BadRequestException('documents: not every document is in this workspace');
    const tagRows = (await this.dataSource.query(`SELECT id::text FROM tags WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY id`, [
      workspaceId,
      query.tags ?? null,
    ])) as { id: string }[];
    if (query.tags && tagRows.length !== new Set(query.tags).size) throw new BadRequestException("tags: not every tag is in this workspace's codebook");

    const documentIds = documentRows.map((row) => row.id);
    const tagIds = tagRows.map((row) => row.id);
    // Columnar answers (a few integer arrays rather than 100,000 row objects): indexes into
    // documentIds / analysts / tagIds come from joins WITH ORDINALITY, counted from 1.
    const [passageRows, spanRows] = (await Promise.all([
      this.dataSource.query(
        `SELECT d.i::int AS document, array_agg(p.start ORDER BY p.index) AS starts, array_agg(p."end" ORDER BY p.index) AS ends
           FROM passages p JOIN unnest($1::uuid[]) WITH ORDINALITY AS d(id, i) ON d.id = p.document_id GROUP BY d.i`,
        [documentIds],
      ),
      this.dataSource.query(
        `SELECT coalesce(array_agg(an.i::int), '{}') AS analysts, coalesce(array_agg(d.i::int), '{}') AS documents, coalesce(array_agg(coalesce(tg.i::int, 0)), '{}') AS tags,
                coalesce(array_agg(a.start), '{}') AS starts, coalesce(array_agg(a."end"), '{}') AS ends
           FROM annotations a
           JOIN unnest($2::uuid[]) WITH ORDINALITY AS an(id, i) ON an.id = a.analyst_id
           JOIN unnest($3::uuid[]) WITH ORDINALITY AS d(id, i) ON d.id = a.document_id
           LEFT JOIN annotation_tags t ON t.annotation_id = a.id
           LEFT JOIN unnest($4::uuid[]) WITH ORDINALITY AS tg(id, i) ON tg.id = t.tag_id
          WHERE a.workspace_id = $1 AND a.kind = 'analyst'`,
        [workspaceId, analysts, documentIds, tagIds],
      ),
    ])) as [{ document: number; starts: number[]; ends: number[] }[], [{ analysts: number[]; documents: number[]; tags: number[]; starts: number[]; ends: number[] }]];

    const passagesByDocument = new Map(passageRows.map((row) => [row.document - 1, row]));
    const documents: ComparedDocument[] = documentRows.map((row, i) => {
      const passages = passagesByDocument.get(i);
      return { length: row.character_count, passages: passages ? passages.starts.map((start, p) => ({ start, end: passages.ends[p]! })) : [] };
    });
    const columns = spanRows[0];
    const spans: CodedSpan[] = columns.analysts.map((analyst, i) => ({
      analyst: analyst - 1,
      document: columns.documents[i]! - 1,
      tag: columns.tags[i]! - 1,
      start: columns.starts[i]!,
      end: columns.ends[i]!,
    }));
    const result = compareCoding({ analystCount: analysts.length, documents, tagCount: tagRows.length, spans });
    return {
      analysts,
      documents: documents.length,
      passages: result.passages,
      overall: result.overall,
      tags: result.tags.map((tag, i) => ({ tagId: tagRows[i]!.id, ...tag })),
    };
  }
}
