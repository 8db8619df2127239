import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { WorkspaceRole } from '@marginalia/shared';
import { User } from '../auth/user.entity.js';
import { Workspace } from './workspace.entity.js';

/** An invitation to a workspace for an email (with or without an account). Only the link token's SHA-256 is stored. */
@Entity({ name: 'invites' })
@Check('invites_role_check', `"role" IN ('owner', 'admin', 'editor', 'commenter', 'viewer')`)
export class Invite {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('invites_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: WorkspaceRole;

  @Index('invites_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  /**
   * A second token, only ever emailed (never shown to the inviter): registering or accepting
   * through it proves the invited address receives mail.
   */
  @Index('invites_mail_token_hash_key', { unique: true })
  @Column({ name: 'mail_token_hash', type: 'text', nullable: true })
  mailTokenHash: string | null;

  @Index('invites_invited_by_idx')
  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  invitedBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The invited person said no, in the app; the link stops working too. */
  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true })
  declinedAt: Date | null;
}
