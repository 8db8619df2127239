/** The workspace audit log: written inside the transaction of the change it records. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntry as AuditEntryDto } from '@marginalia/shared';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    // jsonb column: TypeORM's partial-entity type cannot express an open record.
    await manager.insert(AuditEntry, { ...record, details: (record.details ?? {}) as never });
  }

  async list(workspaceId: string, options: { limit: number; before?: string }): Promise<AuditEntryDto[]> {
    const rows = await this.entries.find({
      where: { workspaceId, ...(options.before ? { createdAt: LessThan(new Date(options.before)) } : {}) },
      relations: { actor: true },
      order: { createdAt: 'DESC' },
      take: options.limit,
    });
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor ? { id: row.actor.id, displayName: row.actor.displayName } : null,
      details: row.details,
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
