/**
 * Writes the instance audit log. Pass the transaction's manager when the event is part of a
 * change (it is then recorded exactly when the change commits); events that are not a change
 * of their own (a failed sign-in) are written on their own.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { InstanceAuditAction } from '@marginalia/shared';
import { InstanceAuditEntryRecord } from './instance-audit-entry.entity.js';

export interface InstanceAuditRecord {
  actorId: string | null;
  action: InstanceAuditAction;
  subject?: { type: string; id?: string | null; label?: string | null };
  details?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class InstanceAuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(record: InstanceAuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(InstanceAuditEntryRecord, {
      actorId: record.actorId,
      action: record.action,
      subjectType: record.subject?.type ?? null,
      subjectId: record.subject?.id ?? null,
      subjectLabel: record.subject?.label ?? null,
      // jsonb column: TypeORM's partial-entity type cannot express an open record.
      details: (record.details ?? {}) as never,
      ip: record.ip ?? null,
    });
  }
}
