/** /register, reached directly or from an invite link (then with next= and email= set). */
import type { Page } from 'playwright-core';

export interface NewAccount {
  displayName: string;
  email: string;
  password: string;
}

export class RegisterPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/register');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Create your account' }).waitFor();
  }

  async emailValue(): Promise<string> {
    return await this.page.getByLabel('Email', { exact: true }).inputValue();
  }

  async register(account: NewAccount): Promise<void> {
    await this.page.getByLabel('Display name').fill(account.displayName);
    await this.page.getByLabel('Email', { exact: true }).fill(account.email);
    await this.page.getByLabel('Password', { exact: true }).fill(account.password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }
}
