/**
 * Registration throttling per client IP, from the registration_attempts log (so it holds
 * across API processes). Attempts from one IP are counted and recorded one at a time (an
 * advisory lock per IP), before any other work, so a parallel burst gets exactly as many
 * through as a sequence would; refused attempts are not recorded.
 */
import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { escapeForLog } from '../../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { RegistrationAttempt } from './registration-attempt.entity.js';

@Injectable()
export class RegistrationThrottle {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectRepository(RegistrationAttempt) private readonly attempts: Repository<RegistrationAttempt>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records an attempt from this IP, or throws 429 when the IP has used up its window. */
  async admit(ip: string): Promise<void> {
    const windowStart = new Date(Date.now() - this.config.REGISTRATION_THROTTLE_WINDOW_MINUTES * 60_000);
    const admitted = await this.attempts.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marginalia:register-ip:${ip}`]);
      const [row] = (await manager.query('SELECT count(*)::int AS attempts FROM registration_attempts WHERE ip = $1 AND created_at > $2', [ip, windowStart])) as { attempts: number }[];
      if ((row?.attempts ?? 0) >= this.config.REGISTRATION_MAX_PER_IP) return false;
      await manager.insert(RegistrationAttempt, { ip });
      return true;
    });
    if (admitted) return;
    this.logger.warn(`registration throttled ip=${escapeForLog(ip)}`);
    throw new HttpException(`too many registrations from this address; try again in ${this.config.REGISTRATION_THROTTLE_WINDOW_MINUTES} minutes`, HttpStatus.TOO_MANY_REQUESTS);
  }
}
