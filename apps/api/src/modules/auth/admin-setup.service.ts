/**
 * Who becomes instance admin on a fresh install. Not "the first account to register": on a
 * public instance that is a race anyone can win. Instead, while no admin exists (and
 * ADMIN_EMAIL does not name one), start-up prints a one-time link; whoever opens it signed in
 * becomes admin, as Grafana and Jenkins do. Only the token's hash is stored, and each start
 * replaces it.
 */
import { GoneException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { AdminSetupToken } from './admin-setup-token.entity.js';
import { newSecret, sha256 } from './secrets.js';
import { User } from './user.entity.js';

export const SETUP_PATH = '/setup/';
const SETUP_LOCK = 'marginalia:admin-setup';

@Injectable()
export class AdminSetupService {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh one-time token when the instance still needs an admin; null otherwise. */
  async issueTokenIfNeeded(): Promise<string | null> {
    if (this.config.ADMIN_EMAIL) return null;
    return await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SETUP_LOCK]);
      await manager.query('DELETE FROM admin_setup_tokens');
      if (await manager.existsBy(User, { isInstanceAdmin: true })) return null;
      const token = newSecret();
      await manager.insert(AdminSetupToken, { tokenHash: sha256(token) });
      return token;
    });
  }

  /** Makes `user` instance admin and spends the token (and any other). */
  async claim(token: string, user: User): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SETUP_LOCK]);
      const found = await manager.existsBy(AdminSetupToken, { tokenHash: sha256(token) });
      if (!found) throw new GoneException('this setup link has already been used or replaced; restart the server for a new one while the instance has no admin');
      await manager.query('DELETE FROM admin_setup_tokens');
      await manager.update(User, { id: user.id }, { isInstanceAdmin: true });
    });
    this.logger.warn(`instance admin granted by setup link user=${user.id}`);
  }
}
