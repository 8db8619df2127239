/**
 * Email: the outbox and its worker, password reset, instance invitations, address confirmation
 * and mention emails. Global, so other features (workspace invites) queue mail through
 * OutboxService without importing this module.
 */
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { EmailAdminController } from './email-admin.controller.js';
import { EmailAuthController } from './email-auth.controller.js';
import { EmailOutboxRecord } from './email-outbox.entity.js';
import { EmailVerification } from './email-verification.entity.js';
import { EmailVerificationService } from './email-verification.service.js';
import { InstanceInvite } from './instance-invite.entity.js';
import { InstanceInvitesService } from './instance-invites.service.js';
import { MailTransport } from './mail-transport.service.js';
import { MentionEmailsService } from './mention-emails.service.js';
import { OutboxService } from './outbox.service.js';
import { PasswordResetRequest } from './password-reset-request.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { PasswordResetService } from './password-reset.service.js';

@Global()
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([EmailOutboxRecord, PasswordResetToken, PasswordResetRequest, InstanceInvite, EmailVerification])],
  controllers: [EmailAdminController, EmailAuthController],
  providers: [MailTransport, OutboxService, PasswordResetService, InstanceInvitesService, EmailVerificationService, MentionEmailsService],
  exports: [MailTransport, OutboxService, EmailVerificationService],
})
export class EmailModule {}
