/**
 * The export_jobs rows: the user-facing record of each background export, as the routes and
 * the job queue's runs read and change them. Like an import, a row names the run responsible
 * for it (`run_id`): only that run may claim it or fail it.
 *
 * Who sees a job: the member who asked for it, and owners and admins (who see every analyst's
 * work anyway). Anyone else would get another member's export, which under blind coding holds
 * annotations they may not see; to them the job does not exist (404).
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { ExportJob } from '@marginalia/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config.schema.js';

export interface ExportJobRow {
  id: string;
  workspace_id: string;
  created_by: string | null;
  creator_name: string | null;
  run_id: string | null;
  format: string;
  parameters: Record<string, string>;
  status: ExportJob['status'];
  written_bytes: string;
  byte_size: string | null;
  file_name: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

export interface ExportViewer {
  userId: string;
  /** Owners and admins see every member's jobs. */
  seesEveryone: boolean;
}

const SELECT_JOB = `SELECT j.*, u.display_name AS creator_name FROM export_jobs j LEFT JOIN users u ON u.id = j.created_by`;
const VISIBLE = `($3::boolean OR j.created_by = $2)`;

@Injectable()
export class ExportJobStore {
  private readonly ttl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttl = `${config.EXPORT_JOB_TTL_HOURS} hours`;
  }

  /** Queued or running jobs of one member in one workspace, counted under a lock so concurrent requests cannot both pass a limit. */
  async countUnfinished(manager: EntityManager, workspaceId: string, userId: string): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [`marginalia:export-jobs:${workspaceId}`, userId]);
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM export_jobs WHERE workspace_id = $1 AND created_by = $2 AND status IN ('queued', 'running')`, [
      workspaceId,
      userId,
    ])) as [{ count: number }];
    return count;
  }

  async insert(manager: EntityManager, job: { workspaceId: string; userId: string; runId: string; format: string; parameters: Record<string, string> }): Promise<string> {
    const [{ id }] = (await manager.query(`INSERT INTO export_jobs (workspace_id, created_by, run_id, format, parameters) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`, [
      job.workspaceId,
      job.userId,
      job.runId,
      job.format,
      JSON.stringify(job.parameters),
    ])) as [{ id: string }];
    return id;
  }

  async find(workspaceId: string, jobId: string, viewer: ExportViewer): Promise<ExportJobRow | null> {
    const rows = (await this.dataSource.query(`${SELECT_JOB} WHERE j.workspace_id = $1 AND ${VISIBLE} AND j.id = $4`, [workspaceId, viewer.userId, viewer.seesEveryone, jobId])) as ExportJobRow[];
    return rows[0] ?? null;
  }

  async list(workspaceId: string, viewer: ExportViewer, limit: number): Promise<ExportJobRow[]> {
    return (await this.dataSource.query(`${SELECT_JOB} WHERE j.workspace_id = $1 AND ${VISIBLE} ORDER BY j.created_at DESC, j.id DESC LIMIT $4`, [
      workspaceId,
      viewer.userId,
      viewer.seesEveryone,
      limit,
    ])) as ExportJobRow[];
  }

  /** Deletes a job a viewer may see; returns whether there was one. */
  async delete(workspaceId: string, jobId: string, viewer: ExportViewer): Promise<boolean> {
    const [rows] = (await this.dataSource.query(`DELETE FROM export_jobs j WHERE j.workspace_id = $1 AND ${VISIBLE} AND j.id = $4 RETURNING j.id`, [
      workspaceId,
      viewer.userId,
      viewer.seesEveryone,
      jobId,
    ])) as [unknown[], number];
    return rows.length > 0;
  }

  /** The job, now 'running' under this run; null when it is not queued for this run. */
  async claim(jobId: string, runId: string): Promise<ExportJobRow | null> {
    const [rows] = (await this.dataSource.query(`UPDATE export_jobs SET status = 'running', started_at = now(), written_bytes = 0 WHERE id = $1 AND run_id = $2 AND status = 'queued' RETURNING *`, [
      jobId,
      runId,
    ])) as [ExportJobRow[], number];
    return rows[0] ?? null;
  }

  /** Progress of a running job; false when the job is gone (deleted meanwhile) or no longer this run's. */
  async saveProgress(jobId: string, runId: string, writtenBytes: number): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`UPDATE export_jobs SET written_bytes = $3 WHERE id = $1 AND run_id = $2 AND status = 'running'`, [jobId, runId, writtenBytes])) as [unknown, number];
    return count > 0;
  }

  async succeed(jobId: string, runId: string, file: { name: string; bytes: number }): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE export_jobs SET status = 'succeeded', written_bytes = $3, byte_size = $3, file_name = $4, error = NULL, finished_at = now(), expires_at = now() + $5::interval
        WHERE id = $1 AND run_id = $2 AND status = 'running'`,
      [jobId, runId, file.bytes, file.name, this.ttl],
    )) as [unknown, number];
    return count > 0;
  }

  /** Ends the job as failed (if it is still this run's and unfinished); returns its workspace, or null. */
  async fail(jobId: string, runId: string, error: string): Promise<string | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE export_jobs SET status = 'failed', error = $3, finished_at = now(), expires_at = now() + $4::interval
        WHERE id = $1 AND run_id = $2 AND status IN ('queued', 'running') RETURNING workspace_id`,
      [jobId, runId, error, this.ttl],
    )) as [{ workspace_id: string }[], number];
    return rows[0]?.workspace_id ?? null;
  }

  /** Back to the queue under a new run (this process is stopping); `queue` sends that run in the same transaction. */
  async requeue(jobId: string, runId: string, queue: (newRunId: string, manager: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const newRunId = randomUUID();
      const [, count] = (await manager.query(`UPDATE export_jobs SET status = 'queued', started_at = NULL, written_bytes = 0, run_id = $3 WHERE id = $1 AND run_id = $2 AND status = 'running'`, [
        jobId,
        runId,
        newRunId,
      ])) as [unknown, number];
      if (count > 0) await queue(newRunId, manager);
    });
  }

  /** Deletes the jobs whose time is up; returns them. */
  async deleteExpired(): Promise<{ id: string; workspace_id: string }[]> {
    const [rows] = (await this.dataSource.query(`DELETE FROM export_jobs WHERE expires_at < now() RETURNING id, workspace_id`)) as [{ id: string; workspace_id: string }[], number];
    return rows;
  }

  /** Which of these ids still have a job. */
  async existing(ids: string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query('SELECT id FROM export_jobs WHERE id = ANY($1::uuid[])', [ids])) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }
}

export function toExportJobDto(row: ExportJobRow): ExportJob {
  return {
    id: row.id,
    format: row.format,
    parameters: row.parameters,
    status: row.status,
    writtenBytes: Number(row.written_bytes),
    byteSize: row.byte_size === null ? null : Number(row.byte_size),
    fileName: row.file_name,
    error: row.error,
    createdBy: row.created_by ? { id: row.created_by, displayName: row.creator_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}
