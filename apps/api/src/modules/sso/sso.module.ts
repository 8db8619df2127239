/** Single sign-on through an OpenID Connect provider configured in the instance settings. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { OidcClientService } from './oidc-client.service.js';
import { OidcTransaction } from './oidc-transaction.entity.js';
import { OidcTransactionsService } from './oidc-transactions.service.js';
import { SsoAccountsService } from './sso-accounts.service.js';
import { SsoIdentity } from './sso-identity.entity.js';
import { SsoController } from './sso.controller.js';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([SsoIdentity, OidcTransaction])],
  controllers: [SsoController],
  providers: [OidcClientService, OidcTransactionsService, SsoAccountsService],
  exports: [OidcClientService],
})
export class SsoModule {}
