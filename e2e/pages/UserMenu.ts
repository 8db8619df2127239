/** The account menu in every header, and the question a logout asks when edits are unsaved. */
import type { Page } from 'playwright-core';

export class UserMenu {
  constructor(private readonly page: Page) {}

  /** Opens the menu and chooses "Log out" (which may ask first; see discardDialog). */
  async chooseLogOut(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: /^Account menu for / }).click();
    await this.page.getByRole('button', { name: 'Log out', exact: true }).click();
  }

  discardDialog() {
    return this.page.getByRole('dialog', { name: 'Log out and lose unsaved edits?' });
  }
}
