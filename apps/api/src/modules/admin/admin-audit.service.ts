/**
 * Reading the instance audit log: filters (person, action, time range), newest first, paged by
 * an opaque cursor over (created_at, id) so that entries sharing a timestamp are neither
 * skipped nor repeated. The CSV export walks the same query page by page.
 */
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminAuditPage, AdminAuditQuery, InstanceAuditAction, InstanceAuditEntry } from '@marginalia/shared';
import { likePattern } from './admin-users.service.js';

interface Row {
  id: string;
  action: InstanceAuditAction;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  subject_type: string | null;
  subject_id: string | null;
  subject_label: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  created_at: string;
}

function encodeCursor(row: Row): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new BadRequestException('cursor is not one this server gave out');
  return { createdAt, id };
}

function toEntry(row: Row): InstanceAuditEntry {
  return {
    id: row.id,
    action: row.action,
    actor: row.actor_id && row.actor_name !== null && row.actor_email !== null ? { id: row.actor_id, displayName: row.actor_name, email: row.actor_email } : null,
    subject: row.subject_type === null ? null : { type: row.subject_type, id: row.subject_id, label: row.subject_label },
    details: row.details,
    ip: row.ip,
    createdAt: row.created_at,
  };
}

@Injectable()
export class AdminAuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: AdminAuditQuery): Promise<AdminAuditPage> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown): void => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (query.person) {
      // An id names one person exactly; text matches the actor's or the subject's name or email.
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(query.person)) add((n) => `(e.actor_id::text = ${n} OR e.subject_id = ${n})`, query.person.toLowerCase());
      else add((n) => `(u.email ILIKE ${n} OR u.display_name ILIKE ${n} OR e.subject_label ILIKE ${n})`, likePattern(query.person));
    }
    if (query.action) add((n) => `e.action = ${n}`, query.action);
    if (query.from) add((n) => `e.created_at >= ${n}::timestamptz`, query.from);
    if (query.to) add((n) => `e.created_at < ${n}::timestamptz`, query.to);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      parameters.push(cursor.createdAt, cursor.id);
      conditions.push(`(e.created_at, e.id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`);
    }
    parameters.push(query.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.action, e.actor_id, u.display_name AS actor_name, u.email AS actor_email, e.subject_type, e.subject_id, e.subject_label, e.details, e.ip,
              to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
         FROM instance_audit_entries e LEFT JOIN users u ON u.id = e.actor_id
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT $${parameters.length}`,
      parameters,
    )) as Row[];
    const more = rows.length > query.limit;
    const shown = more ? rows.slice(0, query.limit) : rows;
    return { entries: shown.map(toEntry), nextCursor: more ? encodeCursor(shown[shown.length - 1]!) : null };
  }

  /** Every matching entry, newest first, a page at a time (for the CSV export). */
  async *all(query: Omit<AdminAuditQuery, 'cursor' | 'limit'>): AsyncGenerator<InstanceAuditEntry> {
    let cursor: string | undefined;
    do {
      const page = await this.page({ ...query, cursor, limit: 200 });
      yield* page.entries;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}
