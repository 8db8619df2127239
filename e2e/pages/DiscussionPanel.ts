/**
 * Discussion as a person meets it: margin markers in the reader, "Comment…" on a selection, the
 * thread (in the reader's panel or on the Discussion page), the composer, and the header's bell.
 */
import type { Locator, Page } from 'playwright-core';

export class DiscussionPanel {
  constructor(private readonly page: Page) {}

  /** The reader's margin marker of a thread started by `author`. */
  marker(author: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Thread by ${author}`) });
  }

  /** The open thread in the reader's panel. */
  threadDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Discussion' });
  }

  bell(): Locator {
    return this.page.getByRole('button', { name: /^Notifications/ });
  }

  async startThreadOnSelection(): Promise<Locator> {
    await this.page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Comment…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Start a thread' });
    await dialog.waitFor();
    return dialog;
  }

  /** Types `before`, "@" and `query`, picks `member` from the suggestions, then types `after`. */
  async writeWithMention(composer: Locator, before: string, query: string, member: string, after: string): Promise<void> {
    await composer.click();
    await composer.pressSequentially(`${before} @${query}`);
    await this.page.getByRole('option', { name: new RegExp(member) }).waitFor();
    await composer.press('Enter');
    await composer.pressSequentially(after);
  }
}
