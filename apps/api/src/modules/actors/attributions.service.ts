/** Spans of documents attributed to actors ("who says this"). Offsets are code points. */
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Attribution as AttributionDto } from '@marginalia/shared';
import { Attribution } from './attribution.entity.js';

export interface NewAttribution {
  workspaceId: string;
  actorId: string;
  documentId: string;
  start: number;
  end: number;
  createdById: string | null;
}

function toDto(row: Attribution): AttributionDto {
  return { id: row.id, actorId: row.actorId, documentId: row.documentId, passageId: row.passageId, start: row.start, end: row.end, createdAt: row.createdAt.toISOString() };
}

@Injectable()
export class AttributionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listForDocument(workspaceId: string, documentId: string): Promise<AttributionDto[]> {
    await this.assertDocument(this.dataSource.manager, workspaceId, documentId);
    const rows = await this.dataSource.getRepository(Attribution).find({ where: { workspaceId, documentId }, order: { start: 'ASC', end: 'ASC', id: 'ASC' } });
    return rows.map(toDto);
  }

  /** In the caller's transaction, or a new one: the attribution and its audit entry go together. */
  async create(input: NewAttribution, manager?: EntityManager): Promise<AttributionDto> {
    if (!manager) return await this.dataSource.transaction((transaction) => this.create(input, transaction));
    const characterCount = await this.assertDocument(manager, input.workspaceId, input.documentId);
    if (input.end <= input.start) throw new BadRequestException('end must be greater than start');
    if (input.end > characterCount) throw new BadRequestException(`the span ends after the document (it has ${characterCount} characters)`);
    const actor = (await manager.query(`SELECT 1 FROM actors WHERE id = $1 AND workspace_id = $2`, [input.actorId, input.workspaceId])) as unknown[];
    if (actor.length === 0) throw new NotFoundException('actor not found');
    const existing = await manager.findOneBy(Attribution, { actorId: input.actorId, documentId: input.documentId, start: input.start, end: input.end });
    if (existing) return toDto(existing);
    const passages = (await manager.query(`SELECT id FROM passages WHERE document_id = $1 AND start <= $2 AND "end" > $2 LIMIT 1`, [input.documentId, input.start])) as { id: string }[];
    const saved = await manager.save(manager.create(Attribution, { ...input, passageId: passages[0]?.id ?? null }));
    await this.audit.record(manager, { workspaceId: input.workspaceId, actorId: input.createdById, action: 'attribution.created', details: await this.describe(manager, saved) });
    return toDto(saved);
  }

  async remove(workspaceId: string, attributionId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const attribution = await manager.findOneBy(Attribution, { id: attributionId, workspaceId });
      if (!attribution) throw new NotFoundException('attribution not found');
      const details = await this.describe(manager, attribution);
      await manager.delete(Attribution, { id: attributionId, workspaceId });
      await this.audit.record(manager, { workspaceId, actorId, action: 'attribution.deleted', details });
    });
  }

  /** What the audit log keeps of an attribution: names, so it reads after either is deleted. */
  private async describe(manager: EntityManager, attribution: Attribution): Promise<Record<string, unknown>> {
    const rows = (await manager.query(`SELECT a.name AS actor, d.title AS document FROM actors a, documents d WHERE a.id = $1 AND d.id = $2`, [attribution.actorId, attribution.documentId])) as {
      actor: string;
      document: string;
    }[];
    return { attributionId: attribution.id, actor: rows[0]?.actor ?? null, document: rows[0]?.document ?? null, documentId: attribution.documentId, start: attribution.start, end: attribution.end };
  }

  /** The document's length in code points; 404 when it is not in this workspace. */
  private async assertDocument(manager: EntityManager, workspaceId: string, documentId: string): Promise<number> {
    const rows = (await manager.query(`SELECT character_count FROM documents WHERE id = $1 AND workspace_id = $2`, [documentId, workspaceId])) as { character_count: number }[];
    const row = rows[0];
    if (!row) throw new NotFoundException('document not found');
    return row.character_count;
  }
}
