/** /login: email and password, and "Sign in with <provider>" when single sign-on is configured. */
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

  ssoLink(label: string) {
    return this.page.getByRole('link', { name: `Sign in with ${label}` });
  }

  /** The reason a single sign-on was refused (shown after the provider sends the browser back). */
  ssoError() {
    return this.page.getByRole('alert').filter({ hasText: 'Single sign-on did not sign you in' });
  }
}
