import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';

@Entity({ name: 'users' })
export class User extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'is_instance_admin', type: 'boolean', default: false })
  isInstanceAdmin: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** When the account last proved it receives mail at `email` (it used a link that was only emailed there). */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Mention emails: off, immediate (batched per minute) or a daily digest. */
  @Column({ name: 'mention_emails', type: 'text', default: 'immediate' })
  mentionEmails: 'off' | 'immediate' | 'daily';

  /** When the last daily digest of mentions was sent to this user. */
  @Column({ name: 'mention_digest_sent_at', type: 'timestamptz', nullable: true })
  mentionDigestSentAt: Date | null;
}
