/** The workspace audit log: written inside the transaction of the change it records. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntry as AuditEntryDto } from '@marginalia/shared';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  details?: Record<string, unknown>;
}

interface AuditRow {
  id: string;
  action: AuditAction;
  details: Record<string, unknown>;
  actor_id: string | null;
  actor_display_name: string | null;
  created_at: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    // jsonb column: TypeORM's partial-entity type cannot express an open record.
    await manager.insert(AuditEntry, { ...record, details: (record.details ?? {}) as never });
  }

  async list(workspaceId: string, options: { limit: number; before?: string }): Promise<AuditEntryDto[]> {
    // createdAt leaves with Postgres's microsecond precision and `before` is compared as sent:
    // through a JS Date both would be cut to milliseconds, and paging would skip the entries
    // that share a millisecond with the last entry of a page.
    const rows = (await this.entries.query(
      `SELECT e.id, e.action, e.details, u.id AS actor_id, u.display_name AS actor_display_name,
              to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
         FROM audit_entries e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.workspace_id = $1 AND ($2::timestamptz IS NULL OR e.created_at < $2::timestamptz)
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT $3`,
      [workspaceId, options.before ?? null, options.limit],
    )) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_display_name ?? '' } : null,
      details: row.details,
      createdAt: row.created_at,
    }));
  }
}
