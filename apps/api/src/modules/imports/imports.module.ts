import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ImportJobRunner } from './import-job-runner.js';
import { ImportJobStore } from './import-job-store.js';
import { ImportWorker } from './import-worker.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Corpus imports: files and pasted text in, documents out, as jobs on the shared job queue. */
@Module({
  imports: [AuditModule, JobsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportJobStore, ImportJobRunner, ImportWorker],
})
export class ImportsModule {}
