/** /w/:id/maps: the list of argument maps, with a dialog to create one. */
import type { Page } from 'playwright-core';

export class MapsPage {
  constructor(private readonly page: Page) {}

  list() {
    return this.page.getByRole('list', { name: 'Maps' });
  }

  mapLink(title: string) {
    return this.list().getByRole('link', { name: title, exact: true });
  }

  async create(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New map' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New map' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('button', { name: 'Create map' }).click();
    await this.mapLink(title).waitFor();
  }

  /** One of a map's actions (Rename, Duplicate, Archive, Unarchive, Delete). */
  async act(title: string, action: 'Rename' | 'Duplicate' | 'Archive' | 'Unarchive' | 'Delete'): Promise<void> {
    await this.page.getByRole('group', { name: `Actions for ${title}`, exact: true }).getByRole('button', { name: action, exact: true }).click();
  }

  async open(title: string): Promise<void> {
    await this.mapLink(title).click();
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }
}
