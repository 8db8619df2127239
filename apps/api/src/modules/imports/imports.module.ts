import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ImportJobRunner } from './import-job-runner.js';
import { ImportQueue } from './import-queue.js';
import { ImportWorker } from './import-worker.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Corpus imports: files and pasted text in, documents out, through a background job queue. */
@Module({
  imports: [AuditModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportQueue, ImportJobRunner, ImportWorker],
})
export class ImportsModule {}
