/** Accounts: registration, password checks and changes, profile. */
import { ConflictException, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { CurrentUser } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { sha256 } from './secrets.js';
import { User } from './user.entity.js';

export function toCurrentUser(user: User): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isInstanceAdmin: user.isInstanceAdmin,
    createdAt: user.createdAt.toISOString(),
    emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
  };
}

const INVALID_CREDENTIALS = 'email or password is incorrect';

function accountExists(): ConflictException {
  return new ConflictException('an account with this email already exists');
}

/**
 * The still-usable invite (a workspace's, or the instance's: tables owned by workspaces and email)
 * made out to this email that this token opens. `viaMail`: the token is the one only ever emailed,
 * so registering with it proves the address.
 */
async function usableInviteFor(manager: EntityManager, email: string, token: string): Promise<{ table: 'invites' | 'instance_invites'; id: string; viaMail: boolean } | null> {
  const hash = sha256(token);
  const rows = (await manager.query(
    `SELECT 'invites' AS table_name, id, mail_token_hash = $1 AS via_mail FROM invites
      WHERE (token_hash = $1 OR mail_token_hash = $1) AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND declined_at IS NULL AND expires_at > now()
     UNION ALL
     SELECT 'instance_invites', id, mail_token_hash = $1 FROM instance_invites
      WHERE (token_hash = $1 OR mail_token_hash = $1) AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    [hash, email],
  )) as { table_name: 'invites' | 'instance_invites'; id: string; via_mail: boolean | null }[];
  const row = rows[0];
  return row ? { table: row.table_name, id: row.id, viaMail: row.via_mail === true } : null;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: InstanceSettingsService,
  ) {}

  /**
   * Creates an account when the registration setting allows it. Cheap refusals come before the password
   * is hashed (argon2 is the expensive part, and hashing slots are shared with logins).
   * Nobody becomes instance admin here except ADMIN_EMAIL; see AdminSetupService.
   */
  async register(input: { email: string; password: string; displayName: string; inviteToken?: string }): Promise<User> {
    const invite = input.inviteToken === undefined ? null : await usableInviteFor(this.users.manager, input.email, input.inviteToken);
    await this.assertRegistrationAllowed(input.email, invite !== null);
    if (await this.users.existsBy({ email: input.email })) throw accountExists();
    const passwordHash = await this.hasher.hash(input.password);
    return await this.users.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['marginalia:register']);
      // Again: a parallel registration of the same email may have won while we hashed.
      if (await manager.existsBy(User, { email: input.email })) throw accountExists();
      const isInstanceAdmin = this.config.ADMIN_EMAIL?.toLowerCase() === input.email;
      // An instance invite is used up by registering; a workspace invite is accepted afterwards, on its page.
      if (invite?.table === 'instance_invites') await manager.query('UPDATE instance_invites SET accepted_at = now() WHERE id = $1', [invite.id]);
      const emailVerifiedAt = invite?.viaMail ? new Date() : null;
      return await manager.save(manager.create(User, { email: input.email, displayName: input.displayName, passwordHash, isInstanceAdmin, emailVerifiedAt }));
    });
  }

  private async assertRegistrationAllowed(email: string, invited: boolean): Promise<void> {
    const mode = await this.settings.get('registration');
    if (mode === 'open' || this.config.ADMIN_EMAIL?.toLowerCase() === email) return;
    if (mode === 'closed') throw new ForbiddenException('registration is closed on this instance; ask its administrator for an account');
    if (!invited) throw new ForbiddenException('registration on this instance needs an invite: open the invite link you were sent and register with the invited email');
  }

  /**
   * The user for these credentials. Unknown email and wrong password give the same error
   * after the same amount of hashing work.
   */
  async verifyCredentials(email: string, password: string): Promise<User> {
    const user = await this.users.findOneBy({ email });
    const valid = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyNothing(password);
    if (!user || !valid) throw new UnauthorizedException(INVALID_CREDENTIALS);
    if (user.disabledAt) throw new ForbiddenException('this account has been disabled by an administrator');
    return user;
  }

  async changePassword(user: User, currentPassword: string, newPassword: string): Promise<void> {
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new ForbiddenException('current password is incorrect');
    }
    await this.users.update({ id: user.id }, { passwordHash: await this.hasher.hash(newPassword) });
  }

  async updateProfile(user: User, displayName: string): Promise<User> {
    await this.users.update({ id: user.id }, { displayName });
    return await this.users.findOneByOrFail({ id: user.id });
  }
}
