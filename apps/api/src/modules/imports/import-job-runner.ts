/**
 * Runs one claimed import job: reads each upload (opening ZIPs) in a read worker, checks every
 * file, saving progress as it goes, then stores all accepted documents in ONE transaction
 * with the job's outcome. A document the database refuses costs only its file; anything else
 * unexpected rolls that transaction back and fails the job, which imports nothing. Either way
 * the job ends in a final state, unless it is interrupted between files (the signal): then it
 * is left as it was, for the caller to put back. Uploads are deleted when the job ends.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type ImportFileResult } from '@marginalia/shared';
import { proposeFromPassages } from '../actors/propose-actors.js';
import { AuditService } from '../audit/audit.service.js';
import { ImportBatch } from './import-batch.js';
import { filesJson, ImportJobStore, type ClaimedJob } from './import-job-store.js';
import { storeAccepted } from './store-documents.js';
import { isPaste, readFile, type UploadRef } from './read-file.js';
import { ImportRejection } from './extract/rejection.js';
import { assertSupportedName, detectFormat, type FileFormat } from './extract/detect-format.js';
import { ZipArchive, DEFAULT_ZIP_LIMITS } from './extract/zip.js';
import { WorkspaceEvents } from '../collab/workspace-events.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { ReadInterrupted, ReadSandbox } from './read-sandbox.js';

/** Progress is written at most this often (and once at the end of reading). */
const PROGRESS_INTERVAL_MS = 150;

export const UNEXPECTED_FAILURE = 'the import failed unexpectedly and nothing was imported; try again, or import the files in smaller batches';

/** Thrown between files when the run is interrupted (shutdown, or the queue lost it). */
export class ImportInterrupted extends Error {}

/** How a run ended: the job is finished (succeeded or failed), or untouched and interrupted. */
export type ImportOutcome = 'finished' | 'interrupted';

interface UploadRow {
  id: string;
  filename: string;
  media_type: string | null;
}

@Injectable()
export class ImportJobRunner {
  private readonly logger = new Logger('Imports');
  /** Where uploads are parsed: worker threads under a deadline and a heap cap, never this thread. */
  private readonly readers: ReadSandbox;

  constructor(
    private readonly store: ImportJobStore,
    private readonly events: WorkspaceEvents,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.readers = new ReadSandbox({
      deadlineMs: config.IMPORT_READ_DEADLINE_MS,
      maxHeapMb: config.IMPORT_READ_MAX_HEAP_MB,
      onUnreadable: (name, cause) => this.logger.warn(`could not read ${name}: ${cause}`),
    });
  }

  /** Interrupts the files being read (their runs end 'interrupted') and stops the read workers. */
  async close(): Promise<void> {
    await this.readers.close();
  }

  async run(job: ClaimedJob, signal: AbortSignal): Promise<ImportOutcome> {
    const uploads = (await job.connection.query('SELECT id, filename, media_type FROM import_uploads WHERE job_id = $1 ORDER BY position', [job.id])) as UploadRow[];
    const batch = new ImportBatch(uploads.map((upload) => upload.filename));
    try {
      await this.readUploads(job, uploads, batch, signal);
      await this.commit(job, batch);
      const documentIds = batch.rows.flatMap((row) => (row.status === 'accepted' && row.documentId ? [row.documentId] : []));
      this.events.publish('imports.changed', job.workspaceId, [job.id], null);
      if (documentIds.length > 0) {
        this.events.publish('documents.changed', job.workspaceId, documentIds, null);
        this.events.publish('actors.changed', job.workspaceId, [], null);
      }
      return 'finished';
    } catch (error) {
      if (error instanceof ImportInterrupted || error instanceof ReadInterrupted) return 'interrupted';
      this.logger.error(`import job ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // Nothing was imported: no row may say it was.
      for (const row of batch.rows) if (row.status === 'accepted') Object.assign(row, { status: 'pending', documentId: null });
      await this.store.fail(job, UNEXPECTED_FAILURE, batch.rows);
      this.events.publish('imports.changed', job.workspaceId, [job.id], null);
      return 'finished';
    }
  }

  private async readUploads(job: ClaimedJob, uploads: UploadRow[], batch: ImportBatch, signal: AbortSignal): Promise<void> {
    let savedAt = 0;
    const progress = async (force = false): Promise<void> => {
      if (signal.aborted) throw new ImportInterrupted();
      // Other requests get their turn between files: extraction is CPU-bound.
      await yieldToEventLoop();
      if (!force && Date.now() - savedAt < PROGRESS_INTERVAL_MS) return;
      savedAt = Date.now();
      await this.store.saveProgress(job, batch.rows, batch.processed);
      this.events.publish('imports.changed', job.workspaceId, [job.id], null);
    };
    const rows = [...batch.rows];
    for (const [index, upload] of uploads.entries()) {
      const row = rows[index]!;
      // One upload in memory at a time.
      const content = await this.store.readUpload(job, upload.id);
      const ref: UploadRef = { workspaceId: job.workspaceId, importedById: job.createdById, name: upload.filename, mediaType: upload.media_type, content };
      const format = isPaste(ref) ? 'pasted' : formatOf(ref, row, batch);
      if (format === 'zip') await this.readArchive(job, ref, row, batch, progress);
      else if (format) await readFile(job.connection, this.readers, ref, row, batch, format);
      await progress();
    }
    await progress(true);
  }

  private async readArchive(job: ClaimedJob, ref: UploadRef, archiveRow: ImportFileResult, batch: ImportBatch, progress: () => Promise<void>): Promise<void> {
    let archive: ZipArchive;
    try {
      archive = await ZipArchive.open(ref.content, { ...DEFAULT_ZIP_LIMITS, maxEntries: batch.roomForArchive() });
    } catch (error) {
      if (!(error instanceof ImportRejection)) throw error;
      return batch.reject(archiveRow, error.reason, error.detail);
    }
    try {
      const rows = batch.openArchive(archiveRow, archive.entries.map((entry) => entry.path), archive.omitted);
      await progress();
      for (const [index, entry] of archive.entries.entries()) {
        const row = rows[index]!;
        const inner: UploadRef = { ...ref, name: row.name, mediaType: null, content: EMPTY };
        try {
          // Cheap refusals first: an unsupported file is never inflated.
          assertSupportedName(inner.name);
          inner.content = await archive.read(entry);
          const format = formatOf(inner, row, batch);
          if (format === 'zip') batch.reject(row, 'unsupported_type', 'archives inside archives are not opened; unpack it and upload its files');
          else if (format) await readFile(job.connection, this.readers, inner, row, batch, format);
        } catch (error) {
          if (!(error instanceof ImportRejection)) throw error;
          batch.reject(row, error.reason, error.detail);
        }
        await progress();
      }
    } finally {
      archive.close();
    }
  }

  /** Stores every accepted document and the job's outcome, atomically. */
  private async commit(job: ClaimedJob, batch: ImportBatch): Promise<void> {
    const { connection } = job;
    await connection.startTransaction();
    try {
      // Jobs store their documents concurrently; only jobs holding the same text wait for each
      // other (the later one then finds the earlier one's document). Locks are taken in key
      // order, so two jobs cannot deadlock.
      const hashes = batch.documents.map((accepted) => accepted.document.contentHash);
      await connection.query('SELECT count(pg_advisory_xact_lock(hashtext($1), key)) FROM (SELECT DISTINCT hashtext(h) AS key FROM unnest($2::text[]) h ORDER BY 1) keys', [
        `marginalia:document:${job.workspaceId}`,
        hashes,
      ]);
      const existing = new Map(
        ((await connection.query('SELECT content_hash, title FROM documents WHERE workspace_id = $1 AND content_hash = ANY($2::text[])', [job.workspaceId, hashes])) as { content_hash: string; title: string }[]).map(
          (row) => [row.content_hash, row.title],
        ),
      );
      for (const accepted of [...batch.documents]) {
        const title = existing.get(accepted.document.contentHash);
        if (title !== undefined) batch.withdraw(accepted, 'duplicate', `the same text is already in this workspace as “${title}”`);
      }
      const stored = await storeAccepted(connection, batch);
      // Actor candidates are per workspace and name: proposing takes turns, so each job sees
      // the candidates the one before it committed. (Taken last, after every document lock,
      // and held only for the few statements of the proposal: the passages are in hand.)
      if (stored.length > 0) {
        await connection.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', ['marginalia:import-actors', job.workspaceId]);
        await proposeFromPassages(connection.manager, job.workspaceId, stored.flatMap((document) => document.passages));
      }
      await connection.query(`UPDATE import_jobs SET status = 'succeeded', error = NULL, files = $2::jsonb, total_files = $3, processed_files = $3, finished_at = clock_timestamp() WHERE id = $1`, [
        job.id,
        filesJson(batch.rows),
        batch.rows.length,
      ]);
      await connection.query('DELETE FROM import_uploads WHERE job_id = $1', [job.id]);
      await this.audit.record(connection.manager, {
        workspaceId: job.workspaceId,
        actorId: job.createdById,
        action: 'import.finished',
        details: { jobId: job.id, imported: stored.length, refused: batch.rows.length - stored.length, titles: batch.documents.slice(0, AUDITED_TITLES).map((accepted) => accepted.document.title) },
      });
      await connection.commitTransaction();
    } catch (error) {
      await connection.rollbackTransaction();
      // The rows said "stored as ..." for documents that no longer exist.
      for (const row of batch.rows) row.documentId = null;
      throw error;
    }
  }
}

const EMPTY = Buffer.alloc(0);
/** An import's audit entry names this many of its documents (and counts them all). */
const AUDITED_TITLES = 20;

/** The file's format, or null after rejecting its row (unsupported, or not what it claims). */
function formatOf(ref: UploadRef, row: ImportFileResult, batch: ImportBatch): FileFormat | null {
  try {
    return detectFormat(ref.name, ref.mediaType, ref.content.subarray(0, 4096));
  } catch (error) {
    if (!(error instanceof ImportRejection)) throw error;
    batch.reject(row, error.reason, error.detail);
    return null;
  }
}
