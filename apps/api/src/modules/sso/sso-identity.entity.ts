import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';

/**
 * An account's identity at an OpenID Connect provider: after the first sign-in (which matched
 * or created the account by verified email) later ones match by issuer + subject, so a person
 * whose email changes at the provider keeps their account.
 */
@Entity({ name: 'sso_identities' })
@Index('sso_identities_issuer_subject_key', ['issuer', 'subject'], { unique: true })
export class SsoIdentity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('sso_identities_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  issuer: string;

  /** The provider's `sub` claim. */
  @Column({ type: 'text' })
  subject: string;

  /** The verified email the identity had when it was linked (for admins reading the table). */
  @Column({ name: 'email_at_link', type: 'text' })
  emailAtLink: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_signed_in_at', type: 'timestamptz' })
  lastSignedInAt: Date;
}
