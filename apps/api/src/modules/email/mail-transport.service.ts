/**
 * Sends one message through the SMTP server configured now (smtpUrl / mailFrom are read at send
 * time, so a settings change applies without a restart). The transporter is kept while the URL
 * stays the same.
 */
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Mail } from 'nodemailer';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';

export class EmailNotConfiguredError extends Error {
  constructor() {
    super('email is not configured on this instance (no SMTP server)');
  }
}

const DEFAULT_FROM = 'Marginalia <marginalia@localhost>';

@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: { url: string; mail: Mail } | null = null;

  constructor(private readonly settings: InstanceSettingsService) {}

  async configured(): Promise<boolean> {
    return (await this.settings.get('smtpUrl')) !== null;
  }

  async send(message: { to: string; subject: string; text: string; html: string }): Promise<void> {
    const { smtpUrl, mailFrom } = await this.settings.current();
    if (!smtpUrl) throw new EmailNotConfiguredError();
    if (this.transporter?.url !== smtpUrl) {
      this.transporter?.mail.close();
      // Timeouts bounded so a dead server fails an attempt (and it is retried) instead of hanging it.
      this.transporter = { url: smtpUrl, mail: nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
    }
    await this.transporter.mail.sendMail({ from: mailFrom ?? DEFAULT_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
  }

  onModuleDestroy(): void {
    this.transporter?.mail.close();
    this.transporter = null;
  }
}
