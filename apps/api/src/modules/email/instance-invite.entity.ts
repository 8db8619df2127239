import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';

/** An invitation to register on the instance (registration: invite-only) without joining a workspace. */
@Entity({ name: 'instance_invites' })
export class InstanceInvite {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('instance_invites_email_idx')
  @Column({ type: 'text' })
  email: string;

  @Index('instance_invites_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  /** Only ever emailed: registering through it proves the address (see invite.entity.ts). */
  @Index('instance_invites_mail_token_hash_key', { unique: true })
  @Column({ name: 'mail_token_hash', type: 'text', nullable: true })
  mailTokenHash: string | null;

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
}
