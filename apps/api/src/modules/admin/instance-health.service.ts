/**
 * Health and usage figures for the admin Health page and the Prometheus endpoint: database
 * size, accounts, workspaces by state and storage, daily active users, import (and, when they
 * are queued jobs, export) queue depth, and the collaboration connections and documents this
 * API process holds. There is no cross-node registry of sockets, so collaboration figures are
 * per node (`scope: 'node'`); with several nodes, scrape each.
 */
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminHealth } from '@marginalia/shared';
import { CollabNamespace } from '../collab/collab-namespace.js';
import { DocumentRegistry } from '../collab/document-registry.service.js';
import { AdminWorkspacesService } from './admin-workspaces.service.js';

export const ACTIVE_USER_DAYS = 30;

@Injectable()
export class InstanceHealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workspaces: AdminWorkspacesService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async snapshot(adminId: string): Promise<AdminHealth> {
    const [database, users, workspaces, dailyActiveUsers, importQueue, exportQueue] = await Promise.all([
      this.dataSource.query('SELECT pg_database_size(current_database())::bigint AS bytes') as Promise<{ bytes: string }[]>,
      this.dataSource.query(
        'SELECT count(*)::int AS total, count(*) FILTER (WHERE disabled_at IS NOT NULL)::int AS disabled, count(*) FILTER (WHERE is_instance_admin)::int AS admins FROM users',
      ) as Promise<{ total: number; disabled: number; admins: number }[]>,
      this.workspaces.list(adminId, { state: 'all', sort: 'storage', direction: 'desc' }),
      this.dailyActiveUsers(),
      this.importQueueDepth(),
      this.exportQueueDepth(),
    ]);
    return {
      databaseBytes: Number(database[0]?.bytes ?? 0),
      users: users[0] ?? { total: 0, disabled: 0, admins: 0 },
      workspaces: {
        total: workspaces.length,
        archived: workspaces.filter((workspace) => workspace.state === 'archived').length,
        orphaned: workspaces.filter((workspace) => workspace.state === 'orphaned').length,
      },
      dailyActiveUsers,
      importQueue,
      exportQueue,
      collab: this.collab(),
      storageByWorkspace: workspaces.map((workspace) => ({ id: workspace.id, name: workspace.name, storageBytes: workspace.storageBytes })),
    };
  }

  /**
   * Distinct people per UTC day over the last 30 days: anyone who signed in that day (instance
   * audit log) or whose session was last used that day. A session records only its latest use,
   * so earlier days count sign-ins only: a lower bound.
   */
  async dailyActiveUsers(): Promise<{ day: string; users: number }[]> {
    const rows = (await this.dataSource.query(
      `WITH seen AS (
         SELECT actor_id AS user_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM instance_audit_entries
          WHERE action IN ('auth.signedIn', 'auth.ssoSignedIn', 'user.registered') AND actor_id IS NOT NULL AND created_at >= now() - make_interval(days => $1)
         UNION
         SELECT user_id, (last_seen_at AT TIME ZONE 'UTC')::date FROM sessions WHERE last_seen_at >= now() - make_interval(days => $1))
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day, count(DISTINCT seen.user_id)::int AS users
         FROM generate_series((now() AT TIME ZONE 'UTC')::date - ($1 - 1), (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS d(day)
         LEFT JOIN seen ON seen.day = d.day::date
        GROUP BY d.day ORDER BY d.day`,
      [ACTIVE_USER_DAYS],
    )) as { day: string; users: number }[];
    return rows;
  }

  /** Distinct people active within the last `days` days (same sources as dailyActiveUsers). */
  async activeUsersWithin(days: number): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT count(DISTINCT user_id)::int AS n FROM (
         SELECT actor_id AS user_id FROM instance_audit_entries WHERE action IN ('auth.signedIn', 'auth.ssoSignedIn', 'user.registered') AND actor_id IS NOT NULL AND created_at >= now() - make_interval(days => $1)
         UNION SELECT user_id FROM sessions WHERE last_seen_at >= now() - make_interval(days => $1)) people`,
      [days],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** Jobs by status from a job table (import_jobs, export_jobs): the records people see, beside pg-boss's own. */
  private async jobsByStatus(table: 'import_jobs' | 'export_jobs'): Promise<Record<string, number>> {
    const rows = (await this.dataSource.query(`SELECT status, count(*)::int AS n FROM ${table} GROUP BY status ORDER BY status`)) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  async importQueueDepth(): Promise<Record<string, number>> {
    return await this.jobsByStatus('import_jobs');
  }

  /** Background exports by status (finished ones until their files expire). */
  async exportQueueDepth(): Promise<Record<string, number>> {
    return await this.jobsByStatus('export_jobs');
  }

  /** This process's collaboration sockets and in-memory documents (none when the gateway is not loaded). */
  collab(): AdminHealth['collab'] {
    const registry = this.optional(DocumentRegistry);
    const namespace = this.optional(CollabNamespace)?.namespace;
    return { scope: 'node', connections: namespace?.sockets.size ?? 0, documentsInMemory: registry?.size ?? 0 };
  }

  private optional<T>(token: abstract new (...args: never[]) => T): T | null {
    try {
      return this.moduleRef.get(token, { strict: false });
    } catch {
      return null;
    }
  }
}
