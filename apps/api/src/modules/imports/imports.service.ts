/**
 * Queueing imports and reporting on them. A request stores its uploads, the job's record and
 * its run on the job queue in one transaction and returns; the worker does the rest (see
 * import-worker.ts).
 */
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportJob as ImportJobDto, PasteDocumentBody } from '@marginalia/shared';
import { DataSource } from 'typeorm';
import { pendingRow } from './import-batch.js';
import { ImportJob } from './import-job.entity.js';
import { ImportUpload } from './import-upload.entity.js';
import { ImportWorker } from './import-worker.js';
import { PASTE_MEDIA_TYPE, PASTE_NAME, encodePaste } from './paste.js';
import type { ReceivedFile } from './batch-memory-storage.js';

/** Uploads go to the database in statements of about this many bytes. */
const UPLOAD_INSERT_BYTES = 16 * 1024 * 1024;
const LISTED_JOBS = 20;

export interface QueuedUpload {
  filename: string;
  mediaType: string | null;
  content: Buffer;
}

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly worker: ImportWorker,
  ) {}

  async queueFiles(workspaceId: string, userId: string, files: ReceivedFile[]): Promise<ImportJobDto> {
    if (files.length === 0) throw new BadRequestException('no files: send one or more files in the "files" field (multipart/form-data), or JSON {"text": ...} to paste text');
    return await this.queue(
      workspaceId,
      userId,
      files.map((file) => ({ filename: cleanFilename(file.originalname), mediaType: file.mimetype || null, content: file.buffer })),
    );
  }

  async queuePaste(workspaceId: string, userId: string, body: PasteDocumentBody): Promise<ImportJobDto> {
    return await this.queue(workspaceId, userId, [{ filename: PASTE_NAME, mediaType: PASTE_MEDIA_TYPE, content: encodePaste(body) }]);
  }

  async get(workspaceId: string, jobId: string): Promise<ImportJobDto> {
    const job = await this.dataSource.getRepository(ImportJob).findOneBy({ id: jobId, workspaceId });
    if (!job) throw new NotFoundException('import job not found');
    return toImportJobDto(job);
  }

  async list(workspaceId: string): Promise<ImportJobDto[]> {
    const jobs = await this.dataSource.getRepository(ImportJob).find({ where: { workspaceId }, order: { createdAt: 'DESC', id: 'DESC' }, take: LISTED_JOBS });
    return jobs.map(toImportJobDto);
  }

  private async queue(workspaceId: string, userId: string, uploads: QueuedUpload[]): Promise<ImportJobDto> {
    const job = await this.dataSource.transaction(async (manager) => {
      const runId = randomUUID();
      const saved = await manager.save(
        manager.create(ImportJob, { workspaceId, createdById: userId, runId, status: 'queued', totalFiles: uploads.length, processedFiles: 0, files: uploads.map((upload) => pendingRow(upload.filename)) }),
      );
      let statement: Partial<ImportUpload>[] = [];
      let bytes = 0;
      for (const [position, upload] of uploads.entries()) {
        statement.push({ jobId: saved.id, position, filename: upload.filename, mediaType: upload.mediaType, content: upload.content });
        bytes += upload.content.length;
        if (bytes >= UPLOAD_INSERT_BYTES || position === uploads.length - 1) {
          await manager.insert(ImportUpload, statement);
          statement = [];
          bytes = 0;
        }
      }
      await this.worker.enqueue(saved.id, runId, manager);
      return saved;
    });
    return toImportJobDto(job);
  }
}

/** A file name as a label: no path, no control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const points = [...base];
  return points.length === 0 ? 'unnamed file' : points.length > 255 ? points.slice(0, 255).join('') : base;
}

export function toImportJobDto(job: ImportJob): ImportJobDto {
  return {
    id: job.id,
    status: job.status,
    totalFiles: job.totalFiles,
    processedFiles: job.processedFiles,
    acceptedCount: job.files.filter((file) => file.status === 'accepted').length,
    rejectedCount: job.files.filter((file) => file.status === 'rejected').length,
    files: job.files,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
