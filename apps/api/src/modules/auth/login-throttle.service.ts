/**
 * Login throttling from the login_attempts log, so it holds across API processes.
 *
 * Failures are counted per (account, IP) and per IP within a sliding window. Keying the
 * account counter by IP means an attacker elsewhere cannot lock the real user out: they
 * only throttle themselves. A success clears the (account, IP) counter.
 */
import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { escapeForLog } from '../../common/logger.js';
import { LoginAttempt } from './login-attempt.entity.js';

@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a login attempt: records it as failed before the password is checked, then throws
   * 429 (forgetting the attempt) when this email from this IP, or this IP overall, has failed
   * too often. Recording first makes parallel guesses count each other, so a burst of requests
   * gets no more tries than a sequence would. Returns the attempt's id, for `finish`.
   */
  async begin(email: string, ip: string): Promise<string> {
    const inserted = await this.attempts.insert({ email, ip, succeeded: false });
    const attemptId = (inserted.identifiers[0] as { id: string }).id;
    const windowStart = new Date(Date.now() - this.config.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000);
    const [row] = (await this.attempts.query(
      `SELECT
         count(*) FILTER (WHERE email = $1 AND NOT succeeded AND created_at > greatest($3::timestamptz,
           coalesce((SELECT max(created_at) FROM login_attempts WHERE email = $1 AND ip = $2 AND succeeded), $3::timestamptz))
         )::int AS account_failures,
         count(*) FILTER (WHERE NOT succeeded)::int AS ip_failures
       FROM login_attempts WHERE ip = $2 AND created_at > $3`,
      [email, ip, windowStart],
    )) as { account_failures: number; ip_failures: number }[];
    // The counts include this attempt: refuse when the earlier failures already reach a limit.
    const accountFailures = (row?.account_failures ?? 1) - 1;
    const ipFailures = (row?.ip_failures ?? 1) - 1;
    if (accountFailures >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT || ipFailures >= this.config.LOGIN_MAX_FAILURES_PER_IP) {
      await this.attempts.delete({ id: attemptId });
      this.logger.warn(`login throttled email=${escapeForLog(email)} ip=${escapeForLog(ip)}`);
      throw new HttpException(
        `too many failed login attempts; try again in ${this.config.LOGIN_THROTTLE_WINDOW_MINUTES} minutes`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return attemptId;
  }

  /** Ends an attempt begun with `begin`; it stays recorded as failed unless it succeeded. */
  async finish(attemptId: string, email: string, ip: string, succeeded: boolean): Promise<void> {
    if (succeeded) await this.attempts.update({ id: attemptId }, { succeeded: true });
    this.logger.log(`login ${succeeded ? 'succeeded' : 'failed'} email=${escapeForLog(email)} ip=${escapeForLog(ip)}`);
  }
}
