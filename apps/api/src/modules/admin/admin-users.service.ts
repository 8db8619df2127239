/** Instance-wide account administration: listing accounts, disabling and re-enabling them. */
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminUser } from '@marginalia/shared';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { CredentialRevocations } from '../auth/credential-revocations.js';

function toAdminUser(user: User): AdminUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isInstanceAdmin: user.isInstanceAdmin,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revocations: CredentialRevocations,
  ) {}

  async list(): Promise<AdminUser[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { createdAt: 'ASC' } });
    return users.map(toAdminUser);
  }

  /**
   * Disabling ends every session at once (rows deleted). Tokens are kept but refused while the
   * account is disabled, so re-enabling restores the user's scripts.
   */
  async setDisabled(actorId: string, userId: string, disabled: boolean): Promise<AdminUser> {
    if (actorId === userId && disabled) throw new BadRequestException('you cannot disable your own account');
    const changed = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new NotFoundException('user not found');
      if (disabled !== (user.disabledAt !== null)) {
        user.disabledAt = disabled ? new Date() : null;
        await manager.update(User, { id: userId }, { disabledAt: user.disabledAt });
      }
      if (disabled) await manager.delete(Session, { userId });
      return toAdminUser(user);
    });
    // Their open sockets (tokens included) are re-checked now, not at the next periodic check.
    if (disabled) this.revocations.revoked(userId);
    return changed;
  }
}
