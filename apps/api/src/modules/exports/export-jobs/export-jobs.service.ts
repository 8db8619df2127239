/**
 * Background exports for the routes: queue one (its record, its run on the job queue and an
 * audit entry in one transaction), list and read them, download a finished one's file, delete
 * one. What a member may see is the store's rule (their own jobs; owners and admins all).
 */
import { BadRequestException, ConflictException, GoneException, HttpException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { EXPORT_LIMITS, hasAtLeastRole, type CreateExportJobBody, type ExportJob } from '@marginalia/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { WorkspaceMember } from '../../workspaces/workspace-access.js';
import { EXPORT_FORMATS, findExportFormat } from '../export-formats.js';
import { parseExportParameters } from '../export-request.js';
import { ExportFiles } from './export-files.js';
import { ExportJobStore, toExportJobDto, type ExportViewer } from './export-job-store.js';
import { ExportJobWorker } from './export-job-worker.js';

export interface ExportDownload {
  stream: ReadStream;
  size: number;
  fileName: string;
  mediaType: string;
}

const notFound = (): NotFoundException => new NotFoundException('export job not found');

@Injectable()
export class ExportJobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ExportJobStore,
    private readonly worker: ExportJobWorker,
    private readonly files: ExportFiles,
    private readonly audit: AuditService,
  ) {}

  async create(member: WorkspaceMember, userId: string, body: Required<CreateExportJobBody>): Promise<ExportJob> {
    const format = findExportFormat(body.format);
    if (!format) throw new BadRequestException(`no export format "${body.format.slice(0, 40)}"; the formats are ${EXPORT_FORMATS.map((candidate) => candidate.id).join(', ')}`);
    // The filters are checked now (400), not when the job runs.
    parseExportParameters(body.parameters);
    const jobId = await this.dataSource.transaction(async (manager) => {
      const unfinished = await this.store.countUnfinished(manager, member.workspaceId, userId);
      if (unfinished >= EXPORT_LIMITS.maxUnfinishedJobsPerMember) {
        throw new HttpException(`you already have ${unfinished} exports waiting or running in this workspace (at most ${EXPORT_LIMITS.maxUnfinishedJobsPerMember}); wait for one to finish, or delete one`, HttpStatus.TOO_MANY_REQUESTS);
      }
      const runId = randomUUID();
      const id = await this.store.insert(manager, { workspaceId: member.workspaceId, userId, runId, format: format.id, parameters: body.parameters });
      await this.worker.enqueue(id, runId, manager);
      await this.audit.record(manager, { workspaceId: member.workspaceId, actorId: userId, action: 'export.requested', details: { jobId: id, format: format.id } });
      return id;
    });
    return await this.get(member, userId, jobId);
  }

  async list(member: WorkspaceMember, userId: string): Promise<ExportJob[]> {
    return (await this.store.list(member.workspaceId, viewerOf(member, userId), EXPORT_LIMITS.listedJobs)).map(toExportJobDto);
  }

  async get(member: WorkspaceMember, userId: string, jobId: string): Promise<ExportJob> {
    const row = await this.store.find(member.workspaceId, jobId, viewerOf(member, userId));
    if (!row) throw notFound();
    return toExportJobDto(row);
  }

  async download(member: WorkspaceMember, userId: string, jobId: string): Promise<ExportDownload> {
    const row = await this.store.find(member.workspaceId, jobId, viewerOf(member, userId));
    if (!row) throw notFound();
    if (row.status === 'failed') throw new ConflictException(`this export failed (${row.error ?? 'no reason given'}); start it again`);
    if (row.status !== 'succeeded' || !row.file_name) throw new ConflictException(`this export is not ready yet (${row.status}); download it once it has succeeded`);
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) throw new GoneException(`this export expired at ${row.expires_at.toISOString()}; start it again`);
    const file = await this.files.read(row.id);
    if (!file) throw new GoneException('the file of this export is not on this server (API processes on several machines must share DATA_DIR); start it again');
    return { ...file, fileName: row.file_name, mediaType: findExportFormat(row.format)?.mediaType ?? 'application/octet-stream' };
  }

  /** Deletes the job and its file; a running job stops at its next write. */
  async delete(member: WorkspaceMember, userId: string, jobId: string): Promise<void> {
    if (!(await this.store.delete(member.workspaceId, jobId, viewerOf(member, userId)))) throw notFound();
    await this.files.remove(jobId);
  }
}

function viewerOf(member: WorkspaceMember, userId: string): ExportViewer {
  return { userId, seesEveryone: hasAtLeastRole(member.role, 'admin') };
}
