/** The test OpenID Connect provider's development sign-in form (oidc-provider's devInteractions). */
import type { Page } from 'playwright-core';

export class ProviderSignInPage {
  constructor(private readonly page: Page) {}

  async signIn(login: string): Promise<void> {
    await this.page.getByPlaceholder('Enter any login').fill(login);
    await this.page.getByPlaceholder('and password').fill('any password');
    await this.page.getByRole('button', { name: 'Sign-in' }).click();
  }
}
