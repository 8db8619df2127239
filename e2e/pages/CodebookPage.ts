/** The codebook page: the tag tree, a tag's definition, coding settings, and the views beside them. */
import type { Locator, Page } from 'playwright-core';

export type CodebookView = 'Tags' | 'Coded segments' | 'Frequencies' | 'Compare analysts';

export class CodebookPage {
  constructor(private readonly page: Page) {}

  tree(): Locator {
    return this.page.getByRole('treegrid', { name: 'Codebook' });
  }

  tag(name: string): Locator {
    return this.tree().getByRole('row', { name, exact: true });
  }

  async show(view: CodebookView): Promise<void> {
    await this.page.getByRole('tab', { name: view, exact: true }).click();
  }

  /** Types the name and presses Enter, as a keyboard user would. */
  async addTagByKeyboard(name: string): Promise<void> {
    const field = this.page.getByRole('form', { name: 'New tag' }).getByLabel('New tag');
    await field.fill(name);
    await field.press('Enter');
    await this.tag(name).waitFor();
  }

  async focusTag(name: string): Promise<void> {
    await this.tag(name).getByText(name, { exact: true }).click();
    await this.page.getByRole('form', { name: `Edit tag ${name}` }).waitFor();
    await this.tag(name).focus();
  }

  async mergeInto(source: string, target: string): Promise<void> {
    await this.focusTag(source);
    await this.page.getByRole('button', { name: 'Merge into…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Merge “${source}”` });
    await dialog.getByLabel('Merge into').selectOption({ label: target });
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  blindNotice(): Locator {
    return this.page.getByText('Blind coding: you see only your own annotations');
  }

  setting(name: 'Blind coding' | 'Editors may add tags while coding'): Locator {
    return this.page.getByRole('switch', { name });
  }

  /** Clicks the switch's label, as a person does (the input itself is visually hidden). */
  async toggle(name: 'Blind coding' | 'Editors may add tags while coding'): Promise<void> {
    await this.page.locator('label.switch').filter({ hasText: name }).click();
  }
}
