/**
 * The scheduled clean-up of background exports, a job of its own on the shared queue: every
 * ten minutes (one API process per tick) it deletes the jobs whose time is up
 * (EXPORT_JOB_TTL_HOURS after they ended) with their files, and files no job owns any more
 * (a deleted workspace's, or a part left by a process that died) once they are an hour old.
 */
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { WorkspaceEvents } from '../../collab/workspace-events.service.js';
import type { JobKind } from '../../jobs/job-kind.js';
import { JobQueue } from '../../jobs/job-queue.service.js';
import { ExportFiles } from './export-files.js';
import { ExportJobStore } from './export-job-store.js';

/** A file with no job is left alone this long: its job may be being created or deleted right now. */
const ORPHAN_AGE_MS = 3600_000;

@Injectable()
export class ExportCleanup implements OnModuleInit, JobKind<object> {
  readonly name = 'exports-cleanup';
  readonly concurrency = 1;
  readonly cron = '*/10 * * * *';
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly queue: JobQueue,
    private readonly store: ExportJobStore,
    private readonly files: ExportFiles,
    private readonly events: WorkspaceEvents,
  ) {}

  onModuleInit(): void {
    this.queue.register(this);
  }

  async run(): Promise<void> {
    await this.cleanUp();
  }

  /** Returns how many jobs expired and how many orphaned files were removed. */
  async cleanUp(): Promise<{ expired: number; orphans: number }> {
    const expired = await this.store.deleteExpired();
    for (const job of expired) await this.files.remove(job.id);
    for (const workspaceId of new Set(expired.map((job) => job.workspace_id))) {
      this.events.publish('exports.changed', workspaceId, expired.filter((job) => job.workspace_id === workspaceId).map((job) => job.id), null);
    }
    const old = (await this.files.list()).filter((file) => file.ageMs > ORPHAN_AGE_MS);
    const kept = old.length > 0 ? await this.store.existing(old.map((file) => file.jobId)) : new Set<string>();
    const orphans = old.filter((file) => !kept.has(file.jobId));
    for (const file of orphans) await this.files.remove(file.jobId);
    if (expired.length + orphans.length > 0) this.logger.log(`deleted ${expired.length} expired export(s) and ${orphans.length} orphaned export file(s)`);
    return { expired: expired.length, orphans: orphans.length };
  }
}
