import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';
import { User } from '../auth/user.entity.js';
import { CollabDocument } from '../collab/collab-document.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * An argument map's listing: its title and lifecycle here, its content in one collaborative
 * document (kind 'map'). The counts are projected from that document after committed updates.
 */
@Entity({ name: 'argument_maps' })
export class ArgumentMapRecord extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('argument_maps_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text' })
  title: string;

  /** Unique through the one-to-one relation below. */
  @Column({ name: 'doc_name', type: 'text' })
  docName: string;

  @OneToOne(() => CollabDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'doc_name' })
  document?: Relation<CollabDocument>;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User> | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'node_count', type: 'integer', default: 0 })
  nodeCount: number;

  @Column({ name: 'edge_count', type: 'integer', default: 0 })
  edgeCount: number;
}
