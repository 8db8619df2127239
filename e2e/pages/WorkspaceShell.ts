/** The frame of a workspace: its name in the header, the section navigation, the live connection and who is here. */
import type { Page } from 'playwright-core';

export type WorkspaceSection = 'Corpus' | 'Search' | 'Actors' | 'Notebook' | 'Codebook' | 'Maps' | 'Discussion' | 'Exports' | 'Members' | 'Settings';

export class WorkspaceShell {
  constructor(private readonly page: Page) {}

  nameInHeader(name: string) {
    return this.page.getByRole('banner').getByRole('link', { name, exact: true });
  }

  async openSection(section: WorkspaceSection): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: section, exact: true }).click();
    await this.page.getByRole('heading', { name: section, level: 1 }).waitFor();
  }

  /** The connection indicator in the header; its accessible name reads "Connection: Saved", "Connection: Offline"... */
  connectionStatus() {
    return this.page.getByRole('banner').getByRole('status', { name: /^Connection: / });
  }

  async waitForConnection(label: 'Saved' | 'Saving…' | 'Connecting…' | 'Reconnecting…' | 'Offline'): Promise<void> {
    await this.page.getByRole('banner').getByRole('status', { name: `Connection: ${label}`, exact: true }).waitFor();
  }

  /** One person in the "Here now" list, with where they are. */
  presentPerson(name: string) {
    return this.page.getByRole('list', { name: 'People in this workspace' }).getByRole('listitem').filter({ hasText: name });
  }
}
