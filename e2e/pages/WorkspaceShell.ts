/** The frame of a workspace: its name in the header and the section navigation. */
import type { Page } from 'playwright-core';

export type WorkspaceSection = 'Corpus' | 'Search' | 'Actors' | 'Codebook' | 'Maps' | 'Discussion' | 'Exports' | 'Members' | 'Settings';

export class WorkspaceShell {
  constructor(private readonly page: Page) {}

  nameInHeader(name: string) {
    return this.page.getByRole('banner').getByRole('link', { name, exact: true });
  }

  async openSection(section: WorkspaceSection): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: section, exact: true }).click();
    await this.page.getByRole('heading', { name: section, level: 1 }).waitFor();
  }
}
