/** /w/:id/members: inviting by email, the invite link shown once, and the members table. */
import type { Page } from 'playwright-core';

export type Role = 'owner' | 'admin' | 'editor' | 'commenter' | 'viewer';

export class MembersPage {
  constructor(private readonly page: Page) {}

  async invite(email: string, role: Role): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Invite' }).click();
  }

  /** The link shown after inviting an email that has no account yet. */
  async inviteLink(): Promise<string> {
    const field = this.page.getByLabel('Invite link');
    await field.waitFor();
    return await field.inputValue();
  }

  memberRow(displayName: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: displayName }) });
  }

  async roleOf(displayName: string): Promise<string> {
    return await this.page.getByRole('combobox', { name: `Role of ${displayName}` }).inputValue();
  }
}
