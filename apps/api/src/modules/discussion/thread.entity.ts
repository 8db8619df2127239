import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { Annotation } from '../annotations/annotation.entity.js';
import { User } from '../auth/user.entity.js';
import { Tag } from '../codebook/tag.entity.js';
import { CorpusDocument } from '../documents/document.entity.js';
import { ArgumentMapRecord } from '../maps/argument-map.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A discussion thread and what it is about. The anchor's target ids are nulled when the
 * target is deleted (the thread is then orphaned, still readable, with its stored label);
 * a text anchor keeps its span and quote, which never change since document text is frozen.
 */
@Entity({ name: 'threads' })
@Index('threads_workspace_activity_idx', ['workspaceId', 'lastActivityAt'])
export class Thread extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ name: 'anchor_kind', type: 'text' })
  anchorKind: string;

  @Index('threads_document_id_idx')
  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @ManyToOne(() => CorpusDocument, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<CorpusDocument> | null;

  @Column({ type: 'integer', nullable: true })
  start: number | null;

  @Column({ type: 'integer', nullable: true })
  end: number | null;

  @Column({ type: 'text', nullable: true })
  exact: string | null;

  @Column({ type: 'text', nullable: true })
  prefix: string | null;

  @Column({ type: 'text', nullable: true })
  suffix: string | null;

  @Index('threads_annotation_id_idx')
  @Column({ name: 'annotation_id', type: 'uuid', nullable: true })
  annotationId: string | null;

  @ManyToOne(() => Annotation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: Relation<Annotation> | null;

  @Index('threads_tag_id_idx')
  @Column({ name: 'tag_id', type: 'uuid', nullable: true })
  tagId: string | null;

  @ManyToOne(() => Tag, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'tag_id' })
  tag?: Relation<Tag> | null;

  @Index('threads_map_id_idx')
  @Column({ name: 'map_id', type: 'uuid', nullable: true })
  mapId: string | null;

  @ManyToOne(() => ArgumentMapRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'map_id' })
  map?: Relation<ArgumentMapRecord> | null;

  @Column({ name: 'element_id', type: 'text', nullable: true })
  elementId: string | null;

  @Column({ name: 'evidence_id', type: 'text', nullable: true })
  evidenceId: string | null;

  /** What the anchor looked like when last seen: shown when its target is gone. */
  @Column({ type: 'text' })
  label: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User> | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by' })
  resolver?: Relation<User> | null;
}
