/**
 * Background exports as a kind of job on the shared job queue: a run claims its export_jobs
 * row, loads the workspace as the member who asked sees it now (their current role, blind
 * coding), streams the format's output to the job's file with progress, and ends the row with
 * the file's name and size and an expiry. A job deleted meanwhile stops at its next write; on
 * shutdown the job goes back to the queue; a run that died with its process is failed by the
 * queue (ABANDONED_EXPORT_ERROR) and never retried.
 */
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canPerform } from '@marginalia/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkspaceEvents } from '../../collab/workspace-events.service.js';
import type { AbandonCause, JobKind, JobRunContext } from '../../jobs/job-kind.js';
import { JobQueue } from '../../jobs/job-queue.service.js';
import { readStanding } from '../../workspaces/workspace-access.js';
import { findExportFormat } from '../export-formats.js';
import { parseExportParameters } from '../export-request.js';
import { ExportsService, exportFilename } from '../exports.service.js';
import { ExportFiles, ExportWriteStopped } from './export-files.js';
import { ExportJobStore } from './export-job-store.js';

/** Exports run at once by one process: each holds a workspace snapshot in memory. */
const CONCURRENT_EXPORTS = 2;
/** Progress is saved (and announced) at most this often. */
const PROGRESS_INTERVAL_MS = 1_000;

export const ABANDONED_EXPORT_ERROR = 'the export was interrupted because the server stopped while it ran; start it again';
export const UNEXPECTED_EXPORT_ERROR = 'the export failed unexpectedly; try again, or narrow it with the filters';

interface ExportRun {
  exportJobId: string;
}

/** The job's row is gone or no longer this run's: stop quietly. */
class ExportJobGone extends ExportWriteStopped {}
/** The process is stopping: put the job back. */
class ExportInterrupted extends ExportWriteStopped {}

@Injectable()
export class ExportJobWorker implements OnModuleInit, JobKind<ExportRun> {
  readonly name = 'exports';
  readonly concurrency = CONCURRENT_EXPORTS;
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly queue: JobQueue,
    private readonly store: ExportJobStore,
    private readonly files: ExportFiles,
    private readonly exports: ExportsService,
    private readonly events: WorkspaceEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.register(this);
  }

  async enqueue(exportJobId: string, runId: string, manager: EntityManager): Promise<void> {
    await this.queue.send(this, { exportJobId }, { id: runId, manager });
  }

  async run({ exportJobId }: ExportRun, context: JobRunContext): Promise<void> {
    const job = await this.store.claim(exportJobId, context.runId);
    if (!job) return;
    const announce = (): void => this.events.publish('exports.changed', job.workspace_id, [job.id], null);
    announce();
    const failWith = async (message: string): Promise<void> => {
      await this.store.fail(job.id, context.runId, message);
      announce();
    };
    const format = findExportFormat(job.format);
    const standing = job.created_by ? await readStanding(this.dataSource, job.workspace_id, job.created_by) : null;
    if (!format) return await failWith(`the format "${job.format}" is no longer offered`);
    if (!job.created_by || !standing || !canPerform(standing.role, 'workspace.export')) return await failWith('the member who asked for this export may no longer export this workspace');

    let savedAt = Date.now();
    const progress = async (writtenBytes: number): Promise<void> => {
      if (context.signal.aborted) throw context.shuttingDown() ? new ExportInterrupted() : new ExportJobGone();
      if (Date.now() - savedAt < PROGRESS_INTERVAL_MS) return;
      savedAt = Date.now();
      if (!(await this.store.saveProgress(job.id, context.runId, writtenBytes))) throw new ExportJobGone();
      announce();
    };
    try {
      const { filters, options } = parseExportParameters(job.parameters);
      const snapshot = await this.exports.snapshotFor({ workspaceId: job.workspace_id, ...standing }, job.created_by, filters);
      const output = await format.serialize(snapshot, options);
      const bytes = await this.files.write(job.id, output, progress);
      if (await this.store.succeed(job.id, context.runId, { name: exportFilename(snapshot, format), bytes })) announce();
      // Deleted while its last bytes were written: the file must not outlive the job.
      else await this.files.remove(job.id);
    } catch (error) {
      if (error instanceof ExportInterrupted) {
        await this.store.requeue(job.id, context.runId, (runId, manager) => this.enqueue(job.id, runId, manager));
        return announce();
      }
      // Deleted meanwhile (or no longer this run's): nothing to record, no file to keep.
      if (error instanceof ExportWriteStopped) return await this.files.remove(job.id);
      this.logger.error(`export job ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.files.remove(job.id);
      await failWith(error instanceof Error && 'getStatus' in error ? `the export could not be made: ${error.message}` : UNEXPECTED_EXPORT_ERROR);
    }
  }

  async abandoned({ exportJobId }: ExportRun, runId: string, cause: AbandonCause): Promise<void> {
    const workspaceId = await this.store.fail(exportJobId, runId, cause === 'lost' ? ABANDONED_EXPORT_ERROR : UNEXPECTED_EXPORT_ERROR);
    if (!workspaceId) return;
    await this.files.remove(exportJobId);
    this.events.publish('exports.changed', workspaceId, [exportJobId], null);
  }
}
