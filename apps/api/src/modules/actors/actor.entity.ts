import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/** A person or organisation quoted in the corpus. Names are unique per workspace, ignoring case. */
@Entity({ name: 'actors' })
@Index('actors_workspace_name_key', { synchronize: false })
export class Actor extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('actors_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  affiliation: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
