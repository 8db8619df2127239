import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { User } from '../auth/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A code of the workspace's codebook. Tags form a tree of any depth (`parentId`), ordered among
 * siblings by `position`; names are unique among siblings, ignoring case (an expression index
 * written in the migration). The colour is a name from TAG_COLORS, not a hex value.
 */
@Entity({ name: 'tags' })
@Index('tags_sibling_name_key', { synchronize: false })
export class Tag extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('tags_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  /** Deleting a parent moves its children up first (service), so the database refuses orphans. */
  @Index('tags_parent_id_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Tag, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Tag> | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  color: string;

  @Column({ type: 'text', default: '' })
  definition: string;

  @Column({ type: 'text', default: '' })
  inclusion: string;

  @Column({ type: 'text', default: '' })
  exclusion: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  examples: string[];

  @Index('tags_created_by_idx')
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  createdBy?: Relation<User> | null;
}
