import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service.js';

/** The background job queue (pg-boss) that imports and exports run on; each feature registers its kinds. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
