import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { User } from '../auth/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A text of the corpus. Its text never changes after import: passages, annotations, maps and
 * comments point into it by code point offsets. Metadata stays editable.
 */
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

  /** Still the title proposed at import; cleared when someone edits it. */
  @Column({ name: 'title_proposed', type: 'boolean', default: false })
  titleProposed: boolean;

  @Column({ name: 'source_filename', type: 'text', nullable: true })
  sourceFilename: string | null;

  /** Outlet or origin, e.g. "The Epoch Times". */
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', nullable: true })
  author: string | null;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** Free key/value metadata. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  fields: Record<string, string>;

  @Column({ type: 'text' })
  text: string;

  /** Length of `text` in code points. */
  @Column({ name: 'character_count', type: 'integer' })
  characterCount: number;

  /**
   * Bumped by triggers whenever an annotation of this document, or its tags, change (see the
   * reader-annotation-cache migration): the reader's annotation answer is cached against it.
   */
  @Column({ name: 'annotations_revision', type: 'bigint', default: 0, select: false, insert: false, update: false })
  annotationsRevision: string;

  /** SHA-256 of the normalised text, to refuse duplicates within a workspace. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Index('documents_imported_by_idx')
  @Column({ name: 'imported_by', type: 'uuid', nullable: true })
  importedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'imported_by' })
  importedBy?: Relation<User> | null;
}
