import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ImportJob } from './import-job.entity.js';

/** An uploaded file waiting for its job; deleted when the job finishes. */
@Entity({ name: 'import_uploads' })
export class ImportUpload {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('import_uploads_job_id_idx')
  @Column({ name: 'job_id', type: 'uuid' })
  jobId: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<ImportJob>;

  /** Order within the batch, so results list files as uploaded. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'media_type', type: 'text', nullable: true })
  mediaType: string | null;

  @Column({ type: 'bytea' })
  content: Buffer;
}
