/** /w/:id/corpus: the documents of a workspace, with sorting, filters and the way to import. */
import type { Page } from 'playwright-core';

export class CorpusPage {
  constructor(private readonly page: Page) {}

  async goto(workspaceId: string): Promise<void> {
    await this.page.goto(`/w/${workspaceId}/corpus`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Corpus', level: 1 }).waitFor();
  }

  table() {
    return this.page.getByRole('table', { name: /^Documents in / });
  }

  documentLink(title: string) {
    return this.table().getByRole('link', { name: title, exact: true });
  }

  /** Titles in the order the table shows them. */
  async titles(): Promise<string[]> {
    await this.table().waitFor();
    return await this.table().getByRole('rowheader').getByRole('link').allTextContents();
  }

  async sortBy(column: 'Title' | 'Source' | 'Author' | 'Published' | 'Length' | 'Added'): Promise<void> {
    await this.table().getByRole('columnheader').getByRole('button', { name: column }).click();
  }

  async filterByTitle(text: string): Promise<void> {
    await this.page.getByRole('form', { name: 'Filter documents' }).getByLabel('Title contains').fill(text);
  }

  status() {
    return this.page.getByRole('status').filter({ hasText: /documents?( match)?$/ });
  }

  async openDocument(title: string): Promise<void> {
    await this.documentLink(title).click();
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  async openImport(): Promise<void> {
    await this.page.getByRole('link', { name: 'Import documents' }).first().click();
    await this.page.getByRole('heading', { name: 'Import documents', level: 1 }).waitFor();
  }
}
