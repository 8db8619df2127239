import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param.js';
import { CreateTokenBodySchema, CreatedTokenSchema, type CreateTokenBody, type CreatedToken, type TokenSummary } from '@marginalia/shared';
import { ApiZodBody, ValidBody, ApiZodResponse } from '../../common/zod.js';
import type { AuthContext } from './auth-context.js';
import { PersonalTokensService } from './personal-tokens.service.js';
import { Auth, SessionOnly } from './public.decorator.js';

@ApiTags('auth')
@Controller('auth/tokens')
export class TokensController {
  constructor(private readonly tokens: PersonalTokensService) {}

  /** Session only: a leaked token must not be able to mint others that outlive its revocation. */
  @SessionOnly()
  @ApiZodResponse(CreatedTokenSchema, 201)
  @Post()
  @ApiZodBody(CreateTokenBodySchema)
  async create(@Auth() auth: AuthContext, @ValidBody(CreateTokenBodySchema) body: CreateTokenBody): Promise<CreatedToken> {
    return await this.tokens.create(auth.user.id, body.name);
  }

  @Get()
  async list(@Auth() auth: AuthContext): Promise<{ tokens: TokenSummary[] }> {
    return { tokens: await this.tokens.list(auth.user.id) };
  }

  @Delete(':tokenId')
  @HttpCode(204)
  async revoke(@Auth() auth: AuthContext, @UuidParam('tokenId', 'token') tokenId: string): Promise<void> {
    await this.tokens.revoke(auth.user.id, tokenId);
  }
}
