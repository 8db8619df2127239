import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ImportFileResult } from '@marginalia/shared';
import { User } from '../auth/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A batch import, processed in the background: the user-facing record of a job the job queue
 * runs (import-worker.ts). The uploads wait in import_uploads until the run named by `run_id`
 * claims the job; documents are committed in one transaction.
 */
@Entity({ name: 'import_jobs' })
@Check('import_jobs_status_check', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Index('import_jobs_status_created_idx', ['status', 'createdAt'])
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('import_jobs_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('import_jobs_created_by_idx')
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  createdBy?: Relation<User> | null;

  /** The job queue's run responsible for this job (a new one when it is put back at shutdown). */
  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ type: 'text', default: 'queued' })
  status: 'queued' | 'running' | 'succeeded' | 'failed';

  @Column({ name: 'total_files', type: 'integer', default: 0 })
  totalFiles: number;

  @Column({ name: 'processed_files', type: 'integer', default: 0 })
  processedFiles: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  files: ImportFileResult[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
