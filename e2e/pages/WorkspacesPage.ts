/** /workspaces: the list of the user's workspaces and the "New workspace" dialog. */
import type { Page } from 'playwright-core';

export class WorkspacesPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/workspaces');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL('**/workspaces');
    await this.page.getByRole('heading', { name: 'Your workspaces', level: 1 }).waitFor();
  }

  /** Creates a workspace and waits until it has opened; returns its id. */
  async createWorkspace(name: string, description: string): Promise<string> {
    await this.page.getByRole('button', { name: 'New workspace' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description (optional)').fill(description);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await this.page.waitForURL(/\/w\/[^/]+\/corpus$/);
    const match = /\/w\/([^/]+)\//.exec(new URL(this.page.url()).pathname);
    if (!match?.[1]) throw new Error(`unexpected workspace URL ${this.page.url()}`);
    return match[1];
  }

  workspaceLink(name: string) {
    return this.page.getByRole('link', { name, exact: true });
  }

  async openWorkspace(name: string): Promise<void> {
    await this.workspaceLink(name).click();
    await this.page.waitForURL(/\/w\/[^/]+\/corpus$/);
  }

  /** An invitation waiting for an answer, listed above the workspaces. */
  invitation(workspaceName: string) {
    return this.page.getByRole('list', { name: 'Invitations' }).getByRole('listitem', { name: `Invitation to ${workspaceName}` });
  }

  async answerInvitation(workspaceName: string, answer: 'Accept' | 'Decline'): Promise<void> {
    await this.invitation(workspaceName).getByRole('button', { name: answer }).click();
  }
}
