import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { User } from '../auth/user.entity.js';
import { CorpusDocument } from '../documents/document.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A span of a document coded by one analyst (a text anchor: code points, end exclusive, with
 * the W3C quote computed by the server, safe to keep since document text never changes).
 * `kind = 'consensus'` marks what the team settled after comparing, kept apart from each
 * analyst's own coding.
 */
@Entity({ name: 'annotations' })
@Check('annotations_span_check', `"start" >= 0 AND "end" > "start"`)
@Check('annotations_kind_check', `kind IN ('analyst', 'consensus')`)
@Index('annotations_document_span_idx', ['documentId', 'start', 'end'])
export class Annotation extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('annotations_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => CorpusDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<CorpusDocument>;

  @Index('annotations_analyst_id_idx')
  @Column({ name: 'analyst_id', type: 'uuid', nullable: true })
  analystId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'analyst_id' })
  analyst?: Relation<User> | null;

  @Column({ type: 'text', default: 'analyst' })
  kind: 'analyst' | 'consensus';

  @Column({ type: 'integer' })
  start: number;

  @Column({ type: 'integer' })
  end: number;

  @Column({ type: 'text' })
  exact: string;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text' })
  suffix: string;

  @Column({ type: 'text', nullable: true })
  memo: string | null;
}
