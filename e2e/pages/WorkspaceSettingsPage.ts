/** /w/:id/settings: the workspace's details and the settings other features plug in. */
import type { Page } from 'playwright-core';

export class WorkspaceSettingsPage {
  constructor(private readonly page: Page) {}

  async goto(workspaceId: string): Promise<void> {
    await this.page.goto(`/w/${workspaceId}/settings`);
    await this.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }

  section(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  blindCodingSwitch() {
    return this.section('Coding').getByRole('switch', { name: 'Blind coding' });
  }

  /** Clicks the switch's label, as a person does (the input itself is visually hidden). */
  async toggleBlindCoding(): Promise<void> {
    await this.section('Coding').locator('label.switch').filter({ hasText: 'Blind coding' }).click();
  }
}
