/** Accounts: registration, password checks and changes, profile. */
import { ConflictException, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CurrentUser } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { PasswordHasher } from './password-hasher.service.js';
import { User } from './user.entity.js';

export function toCurrentUser(user: User): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isInstanceAdmin: user.isInstanceAdmin,
    createdAt: user.createdAt.toISOString(),
  };
}

const INVALID_CREDENTIALS = 'email or password is incorrect';

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: { email: string; password: string; displayName: string }): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    return await this.users.manager.transaction(async (manager) => {
      // Serialise registrations so "the first account becomes admin" has exactly one winner.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['marginalia:register']);
      if (await manager.existsBy(User, { email: input.email })) {
        throw new ConflictException('an account with this email already exists');
      }
      // Seeded demo accounts are never admins, so "first" means: no admin exists yet.
      const isFirstRegistration = !(await manager.existsBy(User, { isInstanceAdmin: true }));
      const isInstanceAdmin = this.config.ADMIN_EMAIL ? this.config.ADMIN_EMAIL.toLowerCase() === input.email : isFirstRegistration;
      return await manager.save(manager.create(User, { email: input.email, displayName: input.displayName, passwordHash, isInstanceAdmin }));
    });
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
