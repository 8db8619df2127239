/**
 * /w/:id/maps/:mapId: one argument map. Nodes are React Flow nodes named "<Kind>: <text>";
 * colleagues' cursors carry their names (data-user-name); the inspector edits the selected node;
 * "Open reader" shows a document's passages to drag onto the canvas.
 */
import type { Page } from 'playwright-core';

export class MapPage {
  constructor(private readonly page: Page) {}

  canvas() {
    return this.page.locator('.map-canvas');
  }

  node(name: string | RegExp) {
    return this.canvas().getByRole('group', { name });
  }

  /** An edge, named "<source text> <kind> <target text>". */
  edge(name: string) {
    return this.canvas().locator('.react-flow__edge').and(this.page.getByRole('group', { name, exact: true }));
  }

  nodes() {
    return this.canvas().locator('.react-flow__node');
  }

  readOnlyNotice() {
    return this.page.getByRole('status').filter({ hasText: 'Read only' });
  }

  addNodeButton() {
    return this.page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Add node' });
  }

  remoteCursor(name: string) {
    return this.page.locator(`[data-testid="map-cursor"][data-user-name="${name}"]`);
  }

  /** Where a colleague's cursor is drawn, as its CSS transform (flow coordinates). */
  async remoteCursorTransform(name: string): Promise<string> {
    return await this.remoteCursor(name).evaluate((element) => (element as HTMLElement).style.transform);
  }

  /** Adds a node of `kind` from the toolbar menu and types its text into the inspector. */
  async addNode(kind: string, text: string): Promise<void> {
    await this.addNodeButton().click();
    await this.page.getByRole('menuitem', { name: kind, exact: true }).click();
    const field = this.page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Text' });
    await field.waitFor();
    await field.fill(text);
  }

  async moveMouseOverCanvas(xFraction: number, yFraction: number): Promise<void> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('the canvas is not shown');
    await this.page.mouse.move(box.x + box.width * xFraction, box.y + box.height * yFraction, { steps: 4 });
  }

  async openReader(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open reader' }).click();
    await this.page.getByRole('complementary', { name: 'Reader' }).getByRole('button', { name: /^Drag passage 1 onto the map$/ }).waitFor();
  }

  /** Selects the first words of passage `number` in the side panel by mouse, then drags the selection onto the canvas; returns the selected text. */
  async dragSelectionOntoCanvas(number: number): Promise<string> {
    const text = this.page.getByRole('complementary', { name: 'Reader' }).locator('.map-reader__passage').nth(number - 1).locator('.map-reader__text');
    const box = await text.boundingBox();
    const canvas = await this.canvas().boundingBox();
    if (!box || !canvas) throw new Error('the passage or the canvas is not shown');
    await this.page.mouse.move(box.x + 2, box.y + 6);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + Math.min(box.width - 4, 200), box.y + 6, { steps: 6 });
    await this.page.mouse.up();
    const selected = (await this.page.evaluate(() => document.getSelection()?.toString() ?? '')).trim();
    // Press inside the selection and carry it over.
    await this.page.mouse.move(box.x + 40, box.y + 6);
    await this.page.mouse.down();
    await this.page.mouse.move(canvas.x + canvas.width * 0.3, canvas.y + canvas.height * 0.2, { steps: 12 });
    await this.page.mouse.up();
    return selected;
  }

  /** Drags passage `number` of the side panel's document onto the middle of the canvas. */
  async dragPassageOntoCanvas(number: number): Promise<string> {
    const reader = this.page.getByRole('complementary', { name: 'Reader' });
    const text = await reader.locator('.map-reader__passage').nth(number - 1).locator('.map-reader__text').innerText();
    await reader.getByRole('button', { name: `Drag passage ${String(number)} onto the map` }).dragTo(this.canvas());
    return text;
  }
}
