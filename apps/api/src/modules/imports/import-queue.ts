/**
 * The import_jobs table as a queue shared by every API process. A worker claims the oldest
 * queued job with SELECT ... FOR UPDATE SKIP LOCKED and, in the same transaction, takes a
 * session advisory lock on it that it holds on its own connection while the job runs. The
 * lock is the heartbeat: if the process dies, Postgres drops its connection and the lock, and
 * any process's sweep finds a 'running' job nobody holds and fails it (a job that crashed a
 * process is not retried, so one bad file cannot take down every process in turn).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportFileResult } from '@marginalia/shared';
import { DataSource, type QueryRunner } from 'typeorm';

/** Advisory lock key space of import jobs: (this, hashtext(job id)). */
export const JOB_LOCK_SPACE = 0x1a7b0b;

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
  /** The connection that holds the job's lock; everything about the job runs on it. */
  connection: QueryRunner;
}

@Injectable()
export class ImportQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The oldest queued job, now 'running' and locked by this process; null when there is none. */
  async claimNext(): Promise<ClaimedJob | null> {
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    let claimed: ClaimedJob | null = null;
    try {
      await connection.startTransaction();
      const rows = (await connection.query(
        `SELECT id, workspace_id, created_by FROM import_jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      )) as { id: string; workspace_id: string; created_by: string | null }[];
      const row = rows[0];
      const locked = row ? ((await connection.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [JOB_LOCK_SPACE, row.id])) as { locked: boolean }[])[0]?.locked : false;
      if (row && locked) {
        await connection.query(`UPDATE import_jobs SET status = 'running', started_at = now() WHERE id = $1`, [row.id]);
        claimed = { id: row.id, workspaceId: row.workspace_id, createdById: row.created_by, connection };
      }
      await connection.commitTransaction();
    } catch (error) {
      // On a lost connection the rollback fails too; the connection must still go back.
      if (connection.isTransactionActive) await connection.rollbackTransaction().catch(() => undefined);
      if (claimed) await this.release(claimed);
      else await connection.release();
      throw error;
    }
    if (!claimed) await connection.release();
    return claimed;
  }

  /** Drops the job's lock and hands its connection back to the pool. */
  async release(job: ClaimedJob): Promise<void> {
    try {
      await job.connection.query('SELECT pg_advisory_unlock($1, hashtext($2))', [JOB_LOCK_SPACE, job.id]);
    } finally {
      await job.connection.release();
    }
  }

  /** Back to the queue, untouched (this process is shutting down; another may take it). */
  async requeue(job: ClaimedJob): Promise<void> {
    await job.connection.query(`UPDATE import_jobs SET status = 'queued', started_at = NULL WHERE id = $1 AND status = 'running'`, [job.id]);
  }

  /**
   * An upload's bytes, fetched a piece at a time: Postgres sends bytea as hex text, and decoding
   * 20 MB of it in one go would hold the event loop for a noticeable while.
   */
  async readUpload(job: ClaimedJob, uploadId: string): Promise<Buffer> {
    const [{ size }] = (await job.connection.query('SELECT octet_length(content) AS size FROM import_uploads WHERE id = $1', [uploadId])) as [{ size: number }];
    const pieces: Buffer[] = [];
    for (let offset = 0; offset < size; offset += UPLOAD_READ_PIECE) {
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
   * Fails every 'running' job whose lock nobody holds: its process died. Returns their ids.
   * A job whose row is locked right now (its worker is writing progress) is skipped: alive.
   */
  async failAbandoned(): Promise<string[]> {
    return await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id FROM import_jobs WHERE status = 'running' AND pg_try_advisory_xact_lock($1, hashtext(id::text)) FOR UPDATE SKIP LOCKED`,
        [JOB_LOCK_SPACE],
      )) as { id: string }[];
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return [];
      await manager.query(`UPDATE import_jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = ANY($1::uuid[])`, [ids, ABANDONED_JOB_ERROR]);
      await manager.query('DELETE FROM import_uploads WHERE job_id = ANY($1::uuid[])', [ids]);
      return ids;
    });
  }
}
