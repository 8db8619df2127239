/**
 * /w/:id/corpus/:documentId: the reader. Passages are groups named "Passage N" (numbered from
 * 1, as in the margin); the span named by ?span= is painted by the CSS highlight 'reader-target'.
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

  /**
   * The texts a named CSS highlight paints (the reader paints with the CSS Custom Highlight API:
   * 'reader-target' for the span named by ?span=, 'reader-hit', 'reader-attribution', tag colours).
   */
  async paintedTexts(paint: string): Promise<string[]> {
    return await this.page.evaluate((name) => {
      const highlight = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(name);
      if (!highlight) return [];
      return [...highlight].map((painted) => {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        return range.toString();
      });
    }, paint);
  }

  /** Resolves once the texts painted by `paint`, joined, match `pattern`. */
  async waitForPainted(paint: string, pattern: RegExp): Promise<void> {
    await this.page.waitForFunction(
      ({ name, source, flags }) => {
        const highlight = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(name);
        if (!highlight) return false;
        const texts = [...highlight].map((painted) => {
          const range = document.createRange();
          range.setStart(painted.startContainer, painted.startOffset);
          range.setEnd(painted.endContainer, painted.endOffset);
          return range.toString();
        });
        return new RegExp(source, flags).test(texts.join(' '));
      },
      { name: paint, source: pattern.source, flags: pattern.flags },
    );
  }

  /** Passage numbers (1-based) in which `paint` paints something. */
  async paintedPassages(paint: string): Promise<number[]> {
    return await this.page.evaluate((name) => {
      const highlight = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(name);
      if (!highlight) return [];
      const numbers = [...highlight].map((painted) => Number(painted.startContainer.parentElement?.closest<HTMLElement>('[data-passage]')?.dataset.passage ?? -2) + 1);
      return [...new Set(numbers)].filter((number) => number > 0);
    }, paint);
  }

  /** Whether the first range `paint` paints is inside the viewport. */
  async paintedInView(paint: string): Promise<boolean> {
    return await this.page.evaluate((name) => {
      const first = [...((CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(name) ?? [])][0];
      if (!first) return false;
      const range = document.createRange();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      const rect = range.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < window.innerHeight;
    }, paint);
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
