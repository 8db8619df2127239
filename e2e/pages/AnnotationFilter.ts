/**
 * The reader's annotation filter (a region named "Filter annotations" above the text): tags
 * chosen in a searchable list, "Include sub-tags", an analyst select, "Mine only", the count of
 * annotations shown and "Clear filter". Also what the filter governs: the taggings listed in the
 * passages' "Notes on passage N" lists, and the tag colours painted with CSS highlights.
 */
import type { Page } from 'playwright-core';

export class AnnotationFilter {
  constructor(private readonly page: Page) {}

  region() {
    return this.page.getByRole('region', { name: 'Filter annotations' });
  }

  /** "All 59 annotations shown" or "12 of 59 annotations shown". */
  async count(): Promise<string> {
    return (await this.region().getByRole('status').textContent()) ?? '';
  }

  async waitForCount(text: string): Promise<void> {
    await this.region().getByRole('status').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
  }

  /** Opens the tag list from the keyboard, types `name`, toggles the first match and closes it. */
  async addTagByKeyboard(name: string): Promise<void> {
    await this.region().getByRole('button', { name: /^Filter by tag/ }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: 'Filter by tag' });
    await dialog.getByRole('searchbox', { name: 'Find a tag' }).fill(name);
    await dialog.getByRole('option', { name: new RegExp(`^${name}`) }).first().waitFor();
    // Typing puts the list's virtual focus on the first match; Enter toggles it.
    await this.page.keyboard.press('Enter');
    await dialog.getByRole('option', { name: new RegExp(`^${name}`), selected: true }).first().waitFor();
    // Escape clears the search text first (the search field's own behaviour), then closes.
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await this.region().getByRole('row', { name }).waitFor();
  }

  includeSubTags() {
    return this.region().getByRole('checkbox', { name: 'Include sub-tags' });
  }

  mineOnly() {
    return this.region().getByRole('switch', { name: 'Mine only' });
  }

  analystButton() {
    return this.region().getByRole('button', { name: /Analyst/ });
  }

  async chooseAnalyst(name: string): Promise<void> {
    await this.analystButton().click();
    await this.page.getByRole('option', { name }).click();
    await this.analystButton().filter({ hasText: name }).waitFor();
  }

  async clear(): Promise<void> {
    await this.region().getByRole('button', { name: 'Clear filter' }).click();
  }

  /** The taggings listed in the rendered passages' notes, as their text reads. */
  async listedTaggings(): Promise<string[]> {
    return await this.page.getByRole('list', { name: /^Notes on passage \d+$/ }).getByRole('listitem').filter({ has: this.page.locator('.passage__tagging') }).allTextContents();
  }

  /** Ranges painted per tag colour (CSS highlights named tag-<colour>), colours with none left out. */
  async paintedByColour(): Promise<Record<string, number>> {
    return await this.page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) if (name.startsWith('tag-') && highlight.size > 0) counts[name.slice(4)] = highlight.size;
      return counts;
    });
  }
}
