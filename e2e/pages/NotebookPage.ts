/**
 * /w/:id/notebook: the shared Markdown notebook. The editor is CodeMirror (a textbox named
 * "Notebook text (Markdown)"); other people's cursors carry their names; Read shows the
 * rendered Markdown as an article named "Notebook".
 */
import type { Page } from 'playwright-core';

export type NotebookView = 'Edit' | 'Source' | 'Read';

export class NotebookPage {
  constructor(private readonly page: Page) {}

  editor() {
    return this.page.getByRole('textbox', { name: 'Notebook text (Markdown)' });
  }

  rendered() {
    return this.page.getByRole('article', { name: 'Notebook' });
  }

  readOnlyNotice() {
    return this.page.getByRole('status').filter({ hasText: 'Read only' });
  }

  /** The name label on another person's cursor in the editor. */
  remoteCursor(name: string) {
    return this.page.locator('.cm-ySelectionInfo').filter({ hasText: name });
  }

  async show(view: NotebookView): Promise<void> {
    const group = this.page.getByRole('group', { name: 'Notebook view' });
    await group.getByRole('button', { name: view, exact: true }).click();
    await group.getByRole('button', { name: view, exact: true, pressed: true }).waitFor();
  }

  /** Types at the end of the notebook, as a person would: click into the text, go to the end, type. */
  async typeAtEnd(text: string): Promise<void> {
    await this.editor().click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** The editor's text, lines joined with newlines. */
  async editorText(): Promise<string> {
    return await this.editor().evaluate((content) => Array.from(content.querySelectorAll('.cm-line'), (line) => line.textContent).join('\n'));
  }

  /** Resolves once the editor's text contains `fragment` (typed here or by someone else). */
  async waitForText(fragment: string): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => Array.from(document.querySelectorAll('.cm-content .cm-line'), (line) => line.textContent).join('\n').includes(wanted),
      fragment,
    );
  }

  async isEditable(): Promise<boolean> {
    return (await this.editor().getAttribute('contenteditable')) === 'true';
  }
}
