import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one-time link printed at start-up while the instance has no admin: whoever opens it,
 * signed in, becomes instance admin. Only the hash is stored; a restart replaces it.
 */
@Entity({ name: 'admin_setup_tokens' })
export class AdminSetupToken {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
