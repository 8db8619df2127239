/**
 * /w/:id/corpus/:documentId: the reader. Passages are groups named "Passage N" (numbered from
 * 1, as in the margin); the span named by ?span= is the text in <mark class="mark-target">.
 */
import type { Page } from 'playwright-core';
import { landingError, waitForStillness } from '../support/reader-probes.js';

export class ReaderPage {
  constructor(private readonly page: Page) {}

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  passage(number: number) {
    return this.page.getByRole('group', { name: `Passage ${String(number)}`, exact: true });
  }

  passages() {
    return this.page.getByRole('group', { name: /^Passage \d+$/ });
  }

  async waitUntilShown(): Promise<void> {
    await this.passage(1).waitFor();
  }

  /** Margin numbers as shown, in order. */
  async passageNumbers(): Promise<number[]> {
    const labels = await this.page.locator('[data-passage] .passage__number').allTextContents();
    return labels.map(Number);
  }

  /** Resolves once keyboard focus is on passage `number` (the reader moves it there itself). */
  async waitForFocusedPassage(number: number): Promise<void> {
    await this.page.waitForFunction((id) => document.activeElement?.id === id, `p-${String(number)}`);
  }

  async focusedPassageNumber(): Promise<number | null> {
    return await this.page.evaluate(() => {
      const match = /^p-(\d+)$/.exec(document.activeElement?.id ?? '');
      return match ? Number(match[1]) : null;
    });
  }

  /** The linked span's highlighted text (may be split over several marks). */
  highlightedSpan() {
    return this.page.locator('mark.mark-target');
  }

  /** Resolves once the linked span's text (all its pieces together) matches `pattern`. */
  async waitForHighlightedText(pattern: RegExp): Promise<void> {
    await this.page.waitForFunction(
      ({ source, flags }) => new RegExp(source, flags).test(Array.from(document.querySelectorAll('mark.mark-target'), (mark) => mark.textContent).join('')),
      { source: pattern.source, flags: pattern.flags },
    );
  }

  /** Whether the element is inside the viewport (below the sticky header). */
  async isInView(locator: ReturnType<Page['locator']>): Promise<boolean> {
    return await locator.first().evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < window.innerHeight;
    });
  }

  /** The passages' outline in the sidebar (a virtual list: rows near its scroll position). */
  outline() {
    return this.page.getByRole('navigation', { name: 'Passages' });
  }

  /** The number of the passage the outline marks as being read. */
  async outlineCurrent(): Promise<number | null> {
    const current = this.outline().locator('[aria-current="location"] .outline__number');
    return (await current.count()) === 0 ? null : Number(await current.textContent());
  }

  async waitForOutlineCurrent(number: number): Promise<void> {
    await this.outline().locator('[aria-current="location"] .outline__number').filter({ hasText: new RegExp(`^${String(number)}$`) }).waitFor();
  }

  /**
   * Pixels between passage `number` and where the reader puts a passage it goes to (its
   * scroll-margin-top below the top of the window; wholly on screen when the page ends first).
   * Waits until the page has stopped scrolling.
   */
  async landingError(number: number): Promise<number> {
    await this.page.evaluate(waitForStillness, 10);
    return await this.page.evaluate(landingError, number);
  }

  /** The header's button that copies a link to the passage being read. */
  copyPassageLinkButton() {
    return this.page.getByRole('button', { name: /^Copy link to passage \d+$/ });
  }

  findPanel() {
    return this.page.getByRole('search', { name: 'Find in this document' });
  }

  findResults() {
    return this.page.getByRole('list', { name: 'Matching passages' }).getByRole('listitem');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async findInDocument(query: string): Promise<void> {
    await this.page.keyboard.press('/');
    const input = this.page.getByRole('searchbox', { name: 'Find in this document' });
    await input.fill(query);
    await input.press('Enter');
    await this.page.getByRole('status').filter({ hasText: /matching passages?\.$|No passage matches\./ }).waitFor();
  }
}
