import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../auth/user.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';

/**
 * A background export: the user-facing record of a job the job queue runs (export-job-worker.ts).
 * The file it writes lives under DATA_DIR/exports, named by the job's id, until `expires_at`;
 * the scheduled clean-up then deletes both.
 */
@Entity({ name: 'export_jobs' })
@Check('export_jobs_status_check', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Index('export_jobs_workspace_created_idx', ['workspaceId', 'createdAt'])
export class ExportJobRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('export_jobs_created_by_idx')
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  createdBy?: Relation<User> | null;

  /** The job queue's run responsible for this job (a new one when it is put back at shutdown). */
  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ type: 'text' })
  format: string;

  /** Filters and the format's options, as the direct download takes them in its query. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  parameters: Record<string, string>;

  @Column({ type: 'text', default: 'queued' })
  status: 'queued' | 'running' | 'succeeded' | 'failed';

  @Column({ name: 'written_bytes', type: 'bigint', default: 0 })
  writtenBytes: string;

  @Column({ name: 'byte_size', type: 'bigint', nullable: true })
  byteSize: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Index('export_jobs_expires_at_idx')
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
