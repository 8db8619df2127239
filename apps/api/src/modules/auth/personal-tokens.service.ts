/** Personal access tokens for scripts: shown once at creation, stored hashed, revocable. */
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PERSONAL_TOKEN_PREFIX, type CreatedToken, type TokenSummary } from '@marginalia/shared';
import { CredentialRevocations } from './credential-revocations.js';
import { PersonalToken } from './personal-token.entity.js';
import { newSecret, sha256 } from './secrets.js';
import type { User } from './user.entity.js';

const MAX_TOKENS_PER_USER = 50;
const LAST_USED_INTERVAL_MS = 60_000;

function toSummary(token: PersonalToken): TokenSummary {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class PersonalTokensService {
  constructor(
    @InjectRepository(PersonalToken) private readonly tokens: Repository<PersonalToken>,
    private readonly revocations: CredentialRevocations,
  ) {}

  async create(userId: string, name: string): Promise<CreatedToken> {
    const count = await this.tokens.count({ where: { userId } });
    if (count >= MAX_TOKENS_PER_USER) {
      throw new ConflictException(`at most ${MAX_TOKENS_PER_USER} tokens per account; revoke one first`);
    }
    const secret = `${PERSONAL_TOKEN_PREFIX}${newSecret()}`;
    const token = await this.tokens.save(this.tokens.create({ userId, name, prefix: secret.slice(0, 10), tokenHash: sha256(secret) }));
    return { ...toSummary(token), token: secret };
  }

  async list(userId: string): Promise<TokenSummary[]> {
    const rows = await this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
    return rows.map(toSummary);
  }

  async revoke(userId: string, tokenId: string): Promise<void> {
    const result = await this.tokens.delete({ id: tokenId, userId });
    if (!result.affected) throw new NotFoundException('no such token');
    this.revocations.revoked(userId);
  }

  async resolve(secret: string): Promise<(PersonalToken & { user: User }) | null> {
    if (!secret.startsWith(PERSONAL_TOKEN_PREFIX)) return null;
    const token = await this.tokens.findOne({ where: { tokenHash: sha256(secret) }, relations: { user: true } });
    if (!token?.user) return null;
    const now = Date.now();
    if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_INTERVAL_MS) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: new Date(now) });
    }
    return token as PersonalToken & { user: User };
  }
}
