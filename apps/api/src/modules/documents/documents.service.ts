/** Reading, listing, editing metadata of, and deleting corpus documents. */
import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { z } from 'zod';
import { DataSource } from 'typeorm';
import type { DocumentDetail, DocumentListQuerySchema, DocumentSummary, UpdateDocumentBody } from '@marginalia/shared';
import { CorpusDocument } from './document.entity.js';
import { Passage } from './passage.entity.js';

type ListQuery = z.output<typeof DocumentListQuerySchema>;

const SORT_COLUMNS: Record<ListQuery['sort'], string> = {
  title: 'lower(d.title)',
  publishedOn: 'd.published_on',
  createdAt: 'd.created_at',
  source: 'lower(d.source)',
  author: 'lower(d.author)',
  characterCount: 'd.character_count',
};

interface SummaryRow {
  id: string;
  title: string;
  title_proposed: boolean;
  source_filename: string | null;
  source: string | null;
  author: string | null;
  published_on: string | null;
  url: string | null;
  language: string | null;
  fields: Record<string, string>;
  character_count: number;
  passage_count: string;
  created_at: Date;
  updated_at: Date;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.title_proposed, d.source_filename, d.source, d.author, to_char(d.published_on, 'YYYY-MM-DD') AS published_on,
  d.url, d.language, d.fields, d.character_count, d.created_at, d.updated_at,
  (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count`;

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    titleProposed: row.title_proposed,
    sourceFilename: row.source_filename,
    source: row.source,
    author: row.author,
    publishedOn: row.published_on,
    url: row.url,
    language: row.language,
    fields: row.fields,
    characterCount: row.character_count,
    passageCount: Number(row.passage_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string, query: ListQuery): Promise<DocumentSummary[]> {
    const conditions = ['d.workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const add = (sql: (param: string) => string, value: unknown): void => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (query.title) add((p) => `d.title ILIKE '%' || ${p} || '%'`, escapeLike(query.title));
    if (query.source) add((p) => `lower(d.source) = lower(${p})`, query.source);
    if (query.author) add((p) => `lower(d.author) = lower(${p})`, query.author);
    if (query.language) add((p) => `lower(d.language) = lower(${p})`, query.language);
    if (query.publishedFrom) add((p) => `d.published_on >= ${p}::date`, query.publishedFrom);
    if (query.publishedTo) add((p) => `d.published_on <= ${p}::date`, query.publishedTo);
    if (query.actorId) add((p) => `EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND a.actor_id = ${p})`, query.actorId);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${conditions.join(' AND ')}
        ORDER BY ${SORT_COLUMNS[query.sort]} ${direction} NULLS LAST, lower(d.title), d.id`,
      params,
    )) as SummaryRow[];
    return rows.map(toSummary);
  }

  async get(workspaceId: string, documentId: string): Promise<DocumentDetail> {
    const rows = (await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.workspace_id = $1 AND d.id = $2`, [workspaceId, documentId])) as (SummaryRow & {
      text: string;
    })[];
    const row = rows[0];
    if (!row) throw new NotFoundException('document not found');
    const passages = await this.dataSource.getRepository(Passage).find({ where: { documentId }, order: { index: 'ASC' }, select: { id: true, index: true, start: true, end: true, sentences: true } });
    return {
      ...toSummary(row),
      text: row.text,
      passages: passages.map((passage) => ({ id: passage.id, index: passage.index, start: passage.start, end: passage.end, sentences: passage.sentences.map(([start, end]) => ({ start, end })) })),
    };
  }

  /** Metadata only: the text is frozen. Editing the title confirms it (no longer "proposed"); editing the language re-indexes it for search. */
  async update(workspaceId: string, documentId: string, changes: UpdateDocumentBody, actorId: string): Promise<DocumentDetail> {
    const patch: Partial<CorpusDocument> = {};
    if (changes.title !== undefined) {
      patch.title = changes.title;
      patch.titleProposed = false;
    }
    if (changes.source !== undefined) patch.source = changes.source || null;
    if (changes.author !== undefined) patch.author = changes.author || null;
    if (changes.publishedOn !== undefined) patch.publishedOn = changes.publishedOn;
    if (changes.url !== undefined) patch.url = changes.url;
    if (changes.language !== undefined) patch.language = changes.language;
    if (changes.fields !== undefined) patch.fields = changes.fields;
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(CorpusDocument).update({ id: documentId, workspaceId }, patch);
      if (!result.affected) throw new NotFoundException('document not found');
      // Search stems by the document's language: its passages are indexed again (the trigger runs).
      if (changes.language !== undefined) {
        await manager.query(`UPDATE passages SET search_config = search_config_for_language($2) WHERE document_id = $1 AND search_config <> search_config_for_language($2)`, [
          documentId,
          changes.language,
        ]);
      }
      const title = (await manager.findOneByOrFail(CorpusDocument, { id: documentId })).title;
      await this.audit.record(manager, { workspaceId, actorId, action: 'document.updated', details: { documentId, title, changed: Object.keys(changes).join(', ') } });
    });
    return await this.get(workspaceId, documentId);
  }

  /** Deletes the document; passages, attributions (and later annotations) cascade. */
  async remove(workspaceId: string, documentId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const document = await manager.findOne(CorpusDocument, { where: { id: documentId, workspaceId }, select: { id: true, title: true } });
      if (!document) throw new NotFoundException('document not found');
      await manager.delete(CorpusDocument, { id: documentId, workspaceId });
      await this.audit.record(manager, { workspaceId, actorId, action: 'document.deleted', details: { documentId, title: document.title } });
    });
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}
