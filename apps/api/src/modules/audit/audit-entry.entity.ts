import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AuditAction } from '@marginalia/shared';
import { User } from '../auth/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/** Who changed what in a workspace's membership, roles and settings, and when. */
@Entity({ name: 'audit_entries' })
@Index('audit_entries_workspace_created_idx', ['workspaceId', 'createdAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('audit_entries_actor_id_idx')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User> | null;

  @Column({ type: 'text' })
  action: AuditAction;

  // Written without the ::jsonb cast: TypeORM compares defaults with casts stripped, so the
  // cast would show up as schema drift forever. The database default is the same value.
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
