/**
 * The import_jobs rows as the job queue's runs see them: the user-facing record of an import
 * (status, each file's outcome, progress) while pg-boss schedules the runs (import-worker.ts).
 * A row names the run responsible for it (`run_id`); only that run may claim it, and a run the
 * queue gave up on fails the row only if it is still that run's, so a run that was put back
 * (shutdown) and picked up again elsewhere is never failed by its predecessor.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportFileResult } from '@marginalia/shared';
import { DataSource, type QueryRunner } from 'typeorm';

/**
 * The rows as jsonb accepts them: JSON.stringify writes a NUL as \u0000, which jsonb refuses,
 * and one such character (in a name or a title) would stop the job's progress being saved.
 */
export function filesJson(files: ImportFileResult[]): string {
  return JSON.stringify(files).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1');
}

/** Bytes of an upload fetched per query. */
const UPLOAD_READ_PIECE = 1024 * 1024;

export const ABANDONED_JOB_ERROR = 'the import was interrupted because the server stopped while it ran; nothing was imported: upload the files again';

export interface ClaimedJob {
  id: string;
  workspaceId: string;
  createdById: string | null;
  /** The queue run working on it. */
  runId: string;
  /** The connection everything about the job runs on, held for the run. */
  connection: QueryRunner;
}

@Injectable()
export class ImportJobStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The job, now 'running' under this run; null when it is not queued for this run (ended, or handed to another). */
  async claim(jobId: string, runId: string): Promise<ClaimedJob | null> {
    const connection = this.dataSource.createQueryRunner();
    try {
      const rows = (await connection.query(
        `UPDATE import_jobs SET status = 'running', started_at = now() WHERE id = $1 AND run_id = $2 AND status = 'queued' RETURNING workspace_id, created_by`,
        [jobId, runId],
      )) as [{ workspace_id: string; created_by: string | null }[], number];
      const row = rows[0][0];
      if (row) return { id: jobId, workspaceId: row.workspace_id, createdById: row.created_by, runId, connection };
    } catch (error) {
      await connection.release();
      throw error;
    }
    await connection.release();
    return null;
  }

  /** Hands the job's connection back to the pool. */
  async release(job: ClaimedJob): Promise<void> {
    await job.connection.release();
  }

  /**
   * Back to the queue, untouched, under a new run (this process is shutting down; another may
   * take it). `queue` sends that run in the same transaction.
   */
  async requeue(job: ClaimedJob, queue: (runId: string, connection: QueryRunner) => Promise<void>): Promise<void> {
    const runId = randomUUID();
    await job.connection.startTransaction();
    try {
      await job.connection.query(`UPDATE import_jobs SET status = 'queued', started_at = NULL, run_id = $2 WHERE id = $1 AND status = 'running'`, [job.id, runId]);
      await queue(runId, job.connection);
      await job.connection.commitTransaction();
    } catch (error) {
      if (job.connection.isTransactionActive) await job.connection.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }

  /**
   * An upload's bytes, fetched a piece at a time: Postgres sends bytea as hex text, and decoding
   * 20 MB of it in one go would hold the event loop for a noticeable while.
   */
  async readUpload(job: ClaimedJob, uploadId: string): Promise<Buffer> {
    // The size comes with the first piece: most uploads are one piece, so one round trip, as
    // when the whole content was fetched at once (a query per file adds up over a batch).
    const [first] = (await job.connection.query('SELECT octet_length(content) AS size, substring(content FROM 1 FOR $2) AS piece FROM import_uploads WHERE id = $1', [
      uploadId,
      UPLOAD_READ_PIECE,
    ])) as [{ size: number; piece: Buffer }];
    const { size } = first;
    const pieces: Buffer[] = [first.piece];
    for (let offset = UPLOAD_READ_PIECE; offset < size; offset += UPLOAD_READ_PIECE) {
      const [{ piece }] = (await job.connection.query('SELECT substring(content FROM $2 FOR $3) AS piece FROM import_uploads WHERE id = $1', [uploadId, offset + 1, UPLOAD_READ_PIECE])) as [{ piece: Buffer }];
      pieces.push(piece);
    }
    // Its own memory (never a slice of a pool), so it can be handed to a read worker without a copy.
    const content = Buffer.from(new ArrayBuffer(size));
    let at = 0;
    for (const piece of pieces) at += piece.copy(content, at);
    return content;
  }

  /** Progress: how many files are decided, and every file's row so far. */
  async saveProgress(job: ClaimedJob, files: ImportFileResult[], processed: number): Promise<void> {
    await job.connection.query(`UPDATE import_jobs SET files = $2::jsonb, total_files = $3, processed_files = $4 WHERE id = $1`, [job.id, filesJson(files), files.length, processed]);
  }

  /**
   * Ends a job as failed: nothing imported, uploads gone. If its rows cannot be saved (they are
   * why it failed), it ends failed without them rather than staying 'running'.
   */
  async fail(job: ClaimedJob, error: string, files: ImportFileResult[]): Promise<void> {
    const end = (rows: ImportFileResult[]): Promise<unknown> =>
      job.connection.query(`UPDATE import_jobs SET status = 'failed', error = $2, files = $3::jsonb, total_files = $4, finished_at = now() WHERE id = $1`, [job.id, error, filesJson(rows), files.length]);
    await end(files).catch(() => end([]));
    await job.connection.query('DELETE FROM import_uploads WHERE job_id = $1', [job.id]);
  }

  /**
   * Fails a job the queue gave up on (its run died with its process, or threw), if the job is
   * still that run's and unfinished. Returns the workspace, or null when nothing changed.
   */
  async failAbandoned(jobId: string, runId: string, error: string): Promise<string | null> {
    return await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        // Files it had accepted were never stored: they go back to pending, as when a job fails in hand.
        `UPDATE import_jobs SET status = 'failed', error = $3, finished_at = now(),
           files = COALESCE((SELECT jsonb_agg(CASE WHEN file->>'status' = 'accepted' THEN file || '{"status": "pending", "documentId": null}' ELSE file END ORDER BY position)
                             FROM jsonb_array_elements(files) WITH ORDINALITY AS entries(file, position)), '[]')
         WHERE id = $1 AND run_id = $2 AND status IN ('queued', 'running') RETURNING workspace_id`,
        [jobId, runId, error],
      )) as [{ workspace_id: string }[], number];
      if (!rows[0]) return null;
      await manager.query('DELETE FROM import_uploads WHERE job_id = $1', [jobId]);
      return rows[0].workspace_id;
    });
  }
}
