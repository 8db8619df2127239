/** Sign-ins in flight (see OidcTransaction): started once, taken back once, gone after TTL. */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { newSecret, sha256 } from '../auth/secrets.js';
import { OidcTransaction } from './oidc-transaction.entity.js';

/** Time a person has at the provider before the sign-in must start again. */
export const OIDC_TRANSACTION_TTL_MS = 10 * 60_000;

export type StartedTransaction = Pick<OidcTransaction, 'state' | 'nonce' | 'codeVerifier' | 'issuer' | 'redirectUri' | 'returnTo'>;

@Injectable()
export class OidcTransactionsService {
  constructor(@InjectRepository(OidcTransaction) private readonly transactions: Repository<OidcTransaction>) {}

  /** Stores the transaction; returns the key for the browser's cookie. */
  async start(transaction: StartedTransaction): Promise<string> {
    // Abandoned sign-ins are swept as new ones start: the table stays as small as the traffic of ten minutes.
    await this.transactions.delete({ expiresAt: LessThan(new Date()) });
    const key = newSecret();
    await this.transactions.insert({ ...transaction, keyHash: sha256(key), expiresAt: new Date(Date.now() + OIDC_TRANSACTION_TTL_MS) });
    return key;
  }

  /** The live transaction for this key, deleted as it is read (a callback cannot be replayed). */
  async take(key: string | undefined): Promise<OidcTransaction | null> {
    if (!key) return null;
    const rows = (await this.transactions
      .createQueryBuilder()
      .delete()
      .where('key_hash = :hash AND expires_at > now()', { hash: sha256(key) })
      .returning('*')
      .execute()).raw as Record<string, unknown>[];
    const row = rows[0];
    if (!row) return null;
    return this.transactions.create({
      keyHash: row.key_hash as string,
      state: row.state as string,
      nonce: row.nonce as string,
      codeVerifier: row.code_verifier as string,
      issuer: row.issuer as string,
      redirectUri: row.redirect_uri as string,
      returnTo: row.return_to as string,
    });
  }
}
