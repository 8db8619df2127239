import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Actor } from './actor.entity.js';

export interface CandidateEvidence {
  documentId: string;
  passageId: string;
  start: number;
  end: number;
  quote: string;
}

/** An actor proposed from the text, waiting for a person to accept or dismiss it. */
@Entity({ name: 'actor_candidates' })
@Check('actor_candidates_status_check', `"status" IN ('pending', 'accepted', 'dismissed')`)
@Index('actor_candidates_workspace_name_key', { synchronize: false })
export class ActorCandidate extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('actor_candidates_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  affiliation: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: 'pending' | 'accepted' | 'dismissed';

  @Column({ type: 'jsonb', default: () => `'[]'` })
  evidence: CandidateEvidence[];

  @Index('actor_candidates_actor_id_idx')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Actor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor> | null;
}
