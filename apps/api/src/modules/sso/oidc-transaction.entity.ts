import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in started at the provider and not yet back: what the callback must check (state,
 * nonce, PKCE verifier). The browser holds only a random key in an httpOnly cookie; the row is
 * keyed by its SHA-256, read once (deleted as it is read) and useless after `expires_at`.
 */
@Entity({ name: 'oidc_transactions' })
export class OidcTransaction {
  @PrimaryColumn({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  /** The issuer the sign-in was started with: a settings change in between voids it. */
  @Column({ type: 'text' })
  issuer: string;

  @Column({ name: 'redirect_uri', type: 'text' })
  redirectUri: string;

  /** Where to land after signing in (an app path, checked when stored). */
  @Column({ name: 'return_to', type: 'text' })
  returnTo: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('oidc_transactions_expires_at_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
