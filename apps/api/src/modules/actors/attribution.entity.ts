import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { CorpusDocument } from '../documents/document.entity.js';
import { Passage } from '../documents/passage.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Actor } from './actor.entity.js';

/** A span of a document attributed to an actor: who says this. Offsets in code points. */
@Entity({ name: 'attributions' })
@Check('attributions_span_check', `"start" >= 0 AND "end" > "start"`)
export class Attribution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('attributions_actor_id_idx')
  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Index('attributions_document_id_idx')
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => CorpusDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<CorpusDocument>;

  @Index('attributions_passage_id_idx')
  @Column({ name: 'passage_id', type: 'uuid', nullable: true })
  passageId: string | null;

  @ManyToOne(() => Passage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'passage_id' })
  passage?: Relation<Passage> | null;

  @Column({ type: 'integer' })
  start: number;

  @Column({ type: 'integer' })
  end: number;

  @Index('attributions_created_by_idx')
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
