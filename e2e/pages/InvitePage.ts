/** /invites/:token: the preview, the way to an account, and accepting. */
import type { Page } from 'playwright-core';

export class InvitePage {
  constructor(private readonly page: Page) {}

  async goto(inviteUrl: string): Promise<void> {
    await this.page.goto(inviteUrl);
  }

  summary(workspaceName: string) {
    return this.page.getByText(`invited you to join ${workspaceName} as an editor`);
  }

  async startRegistration(): Promise<void> {
    await this.page.getByRole('link', { name: 'Create an account' }).click();
    await this.page.waitForURL('**/register?**');
  }

  async accept(): Promise<string> {
    await this.page.getByRole('button', { name: 'Accept invite' }).click();
    await this.page.waitForURL(/\/w\/[^/]+\/corpus$/);
    const match = /\/w\/([^/]+)\//.exec(new URL(this.page.url()).pathname);
    if (!match?.[1]) throw new Error(`unexpected workspace URL ${this.page.url()}`);
    return match[1];
  }
}
