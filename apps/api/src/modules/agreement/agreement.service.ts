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
    // Numeric arrays straight from Postgres: one row per document, one per (annotation, tag).
    const [passageRows, spanRows] = (await Promise.all([
      this.dataSource.query(
        `SELECT document_id::text, array_agg(start ORDER BY index) AS starts, array_agg("end" ORDER BY index) AS ends FROM passages WHERE document_id = ANY($1::uuid[]) GROUP BY document_id`,
        [documentIds],
      ),
      this.dataSource.query(
        `SELECT a.analyst_id::text, a.document_id::text, t.tag_id::text, a.start, a."end"
           FROM annotations a LEFT JOIN annotation_tags t ON t.annotation_id = a.id
          WHERE a.workspace_id = $1 AND a.kind = 'analyst' AND a.analyst_id = ANY($2::uuid[]) AND a.document_id = ANY($3::uuid[])`,
        [workspaceId, analysts, documentIds],
      ),
    ])) as [{ document_id: string; starts: number[]; ends: number[] }[], { analyst_id: string; document_id: string; tag_id: string | null; start: number; end: number }[]];

    const passagesByDocument = new Map(passageRows.map((row) => [row.document_id, row]));
    const documents: ComparedDocument[] = documentRows.map((row) => {
      const passages = passagesByDocument.get(row.id);
      return { length: row.character_count, passages: passages ? passages.starts.map((start, i) => ({ start, end: passages.ends[i]! })) : [] };
    });
    const documentIndex = new Map(documentIds.map((id, i) => [id, i]));
    const analystIndex = new Map(analysts.map((id, i) => [id, i]));
    const tagIndex = new Map(tagRows.map((row, i) => [row.id, i]));
    const spans: CodedSpan[] = spanRows.map((row) => ({
      analyst: analystIndex.get(row.analyst_id)!,
      document: documentIndex.get(row.document_id)!,
      tag: row.tag_id === null ? -1 : (tagIndex.get(row.tag_id) ?? -1),
      start: row.start,
      end: row.end,
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
