/** /w/:id/search?q=: full-text search over the corpus. */
import type { Page } from 'playwright-core';

export class SearchPage {
  constructor(private readonly page: Page) {}

  async goto(workspaceId: string): Promise<void> {
    await this.page.goto(`/w/${workspaceId}/search`);
    await this.page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
  }

  async search(query: string): Promise<void> {
    const form = this.page.getByRole('search', { name: 'Search the corpus' });
    await form.getByRole('searchbox', { name: 'Search passages' }).fill(query);
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: /matching passages?$/ }).waitFor();
  }

  /** Searches for something that finds nothing; resolves with the explanation shown. */
  async searchExpectingNothing(query: string, title: string): Promise<string> {
    const form = this.page.getByRole('search', { name: 'Search the corpus' });
    await form.getByRole('searchbox', { name: 'Search passages' }).fill(query);
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    const state = this.page.locator('.empty-state').filter({ has: this.page.getByText(title, { exact: true }) });
    await state.waitFor();
    return (await state.locator('.empty-state__body').textContent()) ?? '';
  }

  results() {
    return this.page.locator('.result-list > li');
  }

  /** Highlighted words of the result at `index`. */
  async highlightsOf(index: number): Promise<string[]> {
    return await this.results().nth(index).locator('mark').allTextContents();
  }

  async openResult(index: number): Promise<{ title: string }> {
    const link = this.results().nth(index).getByRole('link').first();
    const title = (await link.locator('.result__title').textContent()) ?? '';
    await link.click();
    await this.page.waitForURL(/\/corpus\/[^/?]+\?.*span=\d+-\d+/);
    return { title };
  }
}
