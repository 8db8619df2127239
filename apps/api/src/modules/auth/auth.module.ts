import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service.js';
import { AdminSetupToken } from './admin-setup-token.entity.js';
import { AdminSetupService } from './admin-setup.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.service.js';
import { CredentialRevocations } from './credential-revocations.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { PersonalToken } from './personal-token.entity.js';
import { PersonalTokensService } from './personal-tokens.service.js';
import { RegistrationAttempt } from './registration-attempt.entity.js';
import { RegistrationThrottle } from './registration-throttle.service.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { TokensController } from './tokens.controller.js';
import { User } from './user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, PersonalToken, LoginAttempt, RegistrationAttempt, AdminSetupToken])],
  controllers: [AuthController, TokensController],
  providers: [
    AccountsService,
    SessionsService,
    PersonalTokensService,
    PasswordHasher,
    LoginThrottle,
    RegistrationThrottle,
    AdminSetupService,
    Authenticator,
    CredentialRevocations,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator, AccountsService, PasswordHasher, SessionsService, CredentialRevocations, AdminSetupService],
})
export class AuthModule {}
