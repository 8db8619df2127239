import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { WorkspaceRole } from '@marginalia/shared';
import { Timestamped } from '../../database/timestamps.js';
import { User } from '../auth/user.entity.js';
import { Workspace } from './workspace.entity.js';

@Entity({ name: 'memberships' })
@Check('memberships_role_check', `"role" IN ('owner', 'admin', 'editor', 'commenter', 'viewer')`)
export class Membership extends Timestamped {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @Index('memberships_user_id_idx')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  role: WorkspaceRole;
}
