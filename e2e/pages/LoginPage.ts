/** /login: email and password. */
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByRole('heading', { name: 'Log in to Marginalia' }).waitFor();
  }

  /** Logs in and waits for the list of workspaces. */
  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
    await this.page.waitForURL('**/workspaces');
  }
}
