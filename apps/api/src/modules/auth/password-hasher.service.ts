/**
 * argon2id hashing with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane), and a
 * bound on how many hashes run at once: a login flood waits in a bounded queue and is then
 * refused with 503, instead of exhausting memory and CPU.
 */
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';

export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Verified against when the email is unknown, so both answers take the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async hash(password: string): Promise<string> {
    return await this.withSlot(() => argon2.hash(password, ARGON2_OPTIONS));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return await this.withSlot(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }

  /** Spends the same work as a real verification and always fails. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= argon2.hash('marginalia-timing-equaliser', ARGON2_OPTIONS);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.config.PASSWORD_HASH_CONCURRENCY) {
      if (this.waiting.length >= this.config.PASSWORD_HASH_QUEUE) {
        throw new ServiceUnavailableException('the server is busy checking passwords; try again in a moment');
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
