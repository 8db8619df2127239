/** /w/:id/corpus/import: uploading files, pasting text, and the progress of import jobs. */
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(private readonly page: Page) {}

  async goto(workspaceId: string): Promise<void> {
    await this.page.goto(`/w/${workspaceId}/corpus/import`);
    await this.page.getByRole('heading', { name: 'Import documents', level: 1 }).waitFor();
  }

  async uploadFiles(paths: string[]): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Import files' });
    await form.getByLabel('Choose files…').setInputFiles(paths);
    await form.getByRole('button', { name: /^Import/ }).click();
  }

  /** The newest job card, once it says it has finished. */
  async waitForLatestJobToFinish(): Promise<void> {
    const latest = this.page.locator('.import-jobs > li').first();
    await latest.getByText(/^Finished$|^Failed$|^Partly failed$/).waitFor({ timeout: 60_000 });
  }

  fileRow(name: string) {
    return this.page.locator('.import-jobs > li').first().getByRole('listitem').filter({ hasText: name });
  }
}
