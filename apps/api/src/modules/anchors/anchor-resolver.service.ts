/**
 * The one place that checks an anchor against the workspace: the document is in this workspace,
 * the offsets lie inside its text and make a non-empty span, and the quote the client sent (if
 * any) is what the text says there. Annotations use it; comments and map evidence will too.
 * The quote is cut by Postgres (substr counts code points in a UTF-8 database), so the text of a
 * long document never travels to the API for one anchor.
 */
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { QUOTE_CONTEXT_LENGTH, spanProblem, type ElementAnchor, type TextAnchor, type TextAnchorInput } from '@marginalia/shared';

interface QuoteRow {
  character_count: number;
  exact: string;
  prefix: string;
  suffix: string;
}

@Injectable()
export class AnchorResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A checked text anchor, or 400 naming what is wrong. */
  async resolveText(workspaceId: string, input: TextAnchorInput, manager: EntityManager = this.dataSource.manager): Promise<TextAnchor> {
    const { documentId, start, end } = input;
    // Offsets are clamped for the query only; the span check below reports the real problem.
    const from = Math.max(0, Math.min(start, 2_147_483_000));
    const to = Math.max(from, Math.min(end, 2_147_483_000));
    const rows = (await manager.query(
      `SELECT character_count,
              substr(text, $3 + 1, $4 - $3) AS exact,
              substr(text, greatest($3 - $5, 0) + 1, $3 - greatest($3 - $5, 0)) AS prefix,
              substr(text, $4 + 1, $5) AS suffix
         FROM documents WHERE id = $1 AND workspace_id = $2`,
      [documentId, workspaceId, from, to, QUOTE_CONTEXT_LENGTH],
    )) as QuoteRow[];
    const row = rows[0];
    if (!row) throw new BadRequestException('documentId: no such document in this workspace');
    const problem = spanProblem(row.character_count, start, end);
    if (problem) throw new BadRequestException(problem);
    if (input.exact !== undefined && input.exact !== row.exact) throw new BadRequestException('exact: the quote does not match the text at these offsets');
    return { kind: 'text', documentId, start, end, quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix } };
  }

  /** A checked element anchor: the collaborative document belongs to this workspace. */
  async resolveElement(workspaceId: string, anchor: Omit<ElementAnchor, 'kind'>, manager: EntityManager = this.dataSource.manager): Promise<ElementAnchor> {
    const rows = (await manager.query(`SELECT 1 FROM collab_documents WHERE name = $1 AND workspace_id = $2`, [anchor.docName, workspaceId])) as unknown[];
    if (rows.length === 0) throw new BadRequestException('docName: no such collaborative document in this workspace');
    return { kind: 'element', docName: anchor.docName, elementId: anchor.elementId };
  }
}
