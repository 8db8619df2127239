import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/** A text of the corpus. Its text never changes after import: everything points into it by offset. */
@Entity({ name: 'documents' })
@Index('documents_workspace_hash_key', ['workspaceId', 'contentHash'], { unique: true })
export class CorpusDocument extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('documents_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'source_filename', type: 'text', nullable: true })
  sourceFilename: string | null;

  @Column({ type: 'text' })
  text: string;

  /** SHA-256 of the text, to refuse duplicates within a workspace. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;
}
