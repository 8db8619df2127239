/**
 * Which account a provider's person signs in to: the one linked to their issuer + subject; else
 * the account with their (verified) email, which is then linked; else a new account when the
 * settings allow it. The admin claim grants instance admin; it never revokes it (see README,
 * "Single sign-on": an admin made by hand or by ADMIN_EMAIL must not lose the role because a
 * provider stopped sending a claim, and demoting the last admin would lock the instance).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SsoErrorCode } from '@marginalia/shared';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.service.js';
import { newSecret } from '../auth/secrets.js';
import { User } from '../auth/user.entity.js';
import type { OidcProviderConfig } from './oidc-client.service.js';
import type { SsoPerson } from './sso-claims.js';
import { SsoIdentity } from './sso-identity.entity.js';

export type AccountOutcome = { user: User; created: boolean; linked: boolean; promoted: boolean } | { refused: SsoErrorCode };

@Injectable()
export class SsoAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: InstanceAuditService,
  ) {}

  async signIn(provider: OidcProviderConfig, person: SsoPerson, isAdminByClaim: boolean, ip: string | null): Promise<AccountOutcome> {
    // An account created here gets a password nobody knows (the column is required); hashed before
    // the transaction, since argon2 is the slow part. Its owner can set one through a reset link.
    const unusablePasswordHash = await this.hasher.hash(newSecret());
    return await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marginalia:sso:${person.email}`]);
      const found = await this.findOrCreate(manager, provider, person, unusablePasswordHash, ip);
      if ('refused' in found) return found;
      const { user } = found;
      if (user.disabledAt) return { refused: 'account-disabled' };
      let promoted = false;
      if (isAdminByClaim && !user.isInstanceAdmin) {
        await manager.update(User, { id: user.id }, { isInstanceAdmin: true });
        user.isInstanceAdmin = true;
        promoted = true;
        await this.audit.record(
          { actorId: null, action: 'user.promoted', subject: { type: 'user', id: user.id, label: user.email }, details: { by: 'sso-claim', claim: provider.adminClaim }, ip },
          manager,
        );
      }
      await manager.update(SsoIdentity, { issuer: provider.issuer, subject: person.subject }, { lastSignedInAt: new Date() });
      return { ...found, promoted };
    });
  }

  private async findOrCreate(
    manager: EntityManager,
    provider: OidcProviderConfig,
    person: SsoPerson,
    unusablePasswordHash: string,
    ip: string | null,
  ): Promise<{ user: User; created: boolean; linked: boolean } | { refused: SsoErrorCode }> {
    const identity = await manager.findOne(SsoIdentity, { where: { issuer: provider.issuer, subject: person.subject }, relations: { user: true } });
    if (identity?.user) return { user: identity.user, created: false, linked: false };

    const existing = await manager.findOneBy(User, { email: person.email });
    if (existing) {
      // The account already has another identity at this provider: two provider accounts claim one email.
      if (await manager.existsBy(SsoIdentity, { userId: existing.id, issuer: provider.issuer })) return { refused: 'identity-conflict' };
      await this.link(manager, existing, provider, person);
      return { user: existing, created: false, linked: true };
    }

    if (!provider.createAccounts) return { refused: 'no-account' };
    const user = await manager.save(manager.create(User, { email: person.email, displayName: person.displayName, passwordHash: unusablePasswordHash, isInstanceAdmin: false }));
    await this.link(manager, user, provider, person);
    await this.audit.record({ actorId: user.id, action: 'user.registered', subject: { type: 'user', id: user.id, label: user.email }, details: { via: 'sso', issuer: provider.issuer }, ip }, manager);
    return { user, created: true, linked: true };
  }

  private async link(manager: EntityManager, user: User, provider: OidcProviderConfig, person: SsoPerson): Promise<void> {
    await manager.insert(SsoIdentity, { userId: user.id, issuer: provider.issuer, subject: person.subject, emailAtLink: person.email, lastSignedInAt: new Date() });
  }
}
