/**
 * The map page's Compare tab, ACH matrix view: a grid with evidence down the side and
 * explanations across. A cell is a button named "<evidence> on <explanation>; you: …; team: …";
 * a column header shows "#<rank> · <inconsistency>", a row header "diagnosticity <range>".
 * Cells are rated by keyboard (digits 1–6 on the focused cell: CC, C, N, I, II, NA; Delete
 * clears) or with the mouse (a click opens the rating menu), or from the details beside the grid.
 */
import type { Locator, Page } from 'playwright-core';

/** Digits that rate the focused cell, as the grid's hint says. */
export const RATING_KEYS = { CC: '1', C: '2', N: '3', I: '4', II: '5', NA: '6' } as const;
export type Rating = keyof typeof RATING_KEYS;
const RATING_LABELS: Record<Rating, string> = { CC: 'Very consistent', C: 'Consistent', N: 'Neutral', I: 'Inconsistent', II: 'Very inconsistent', NA: 'Not applicable' };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class AchMatrixPage {
  constructor(private readonly page: Page) {}

  /** From the map page: the Compare tab, whose first view is the ACH matrix. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Compare' }).click();
    await this.page.getByRole('tab', { name: 'ACH matrix', selected: true }).waitFor();
    await this.grid().waitFor();
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'ACH matrix: evidence by explanation' });
  }

  cell(evidence: string, explanation: string): Locator {
    return this.grid().getByRole('button', { name: new RegExp(`^${escape(evidence)} on ${escape(explanation)};`) });
  }

  /** The cell once its accessible name includes `part` (e.g. "team: 1 inconsistent"). */
  cellSaying(evidence: string, explanation: string, part: string): Locator {
    return this.grid().getByRole('button', { name: new RegExp(`^${escape(evidence)} on ${escape(explanation)};.*${escape(part)}`) });
  }

  async rateByKeyboard(evidence: string, explanation: string, rating: Rating): Promise<void> {
    await this.cell(evidence, explanation).focus();
    await this.page.keyboard.press(RATING_KEYS[rating]);
  }

  /** Opens the rating menu with a click and picks `rating` (menu items read "<code> <label> <key>"). */
  async rateByMouse(evidence: string, explanation: string, rating: Rating): Promise<void> {
    await this.cell(evidence, explanation).click();
    const menu = this.page.getByRole('menu', { name: 'Your rating' });
    await menu.getByRole('menuitem', { name: new RegExp(`^${rating}\\s*${RATING_LABELS[rating]}`) }).click();
    await menu.waitFor({ state: 'detached' });
  }

  /** Waits until the explanation's column header reads "#<rank> · <score>". */
  async waitForScore(explanation: string, rank: number, score: string): Promise<void> {
    await this.columnHeader(explanation)
      .locator('.ach-grid__score')
      .filter({ hasText: new RegExp(`^#${String(rank)} · ${escape(score)}( ·|$)`) })
      .waitFor();
  }

  /** Waits until the evidence's row header reads "diagnosticity <value>" (or "diagnosticity –", "not diagnostic"). */
  async waitForDiagnosticity(evidence: string, text: string): Promise<void> {
    await this.rowHeader(evidence)
      .locator('.ach-grid__score')
      .filter({ hasText: new RegExp(`^${escape(text)}( ·|$)`) })
      .waitFor();
  }

  columnHeader(explanation: string): Locator {
    return this.grid().getByRole('columnheader').filter({ hasText: explanation });
  }

  rowHeader(evidence: string): Locator {
    return this.grid().getByRole('rowheader').filter({ hasText: evidence });
  }

  /** The ranking beside the grid, least inconsistent first. */
  ranking(): Locator {
    return this.page.getByRole('region', { name: /^Least inconsistent first/ }).getByRole('listitem');
  }

  disputed(): Locator {
    return this.page.getByRole('region', { name: 'Where the team disagrees most' }).getByRole('listitem');
  }

  settings(): Locator {
    return this.page.getByRole('group', { name: 'Matrix settings' });
  }

  blindCheckbox(): Locator {
    return this.settings().getByRole('checkbox', { name: 'Blind ratings' });
  }

  /** Turns blind mode on or off with a click on the setting (its input is visually hidden, as React Aria draws the box). */
  async setBlind(on: boolean): Promise<void> {
    if ((await this.blindCheckbox().isChecked()) !== on) await this.settings().locator('label', { hasText: 'Blind ratings' }).click();
    await this.blindCheckbox()
      .and(this.page.locator(on ? ':checked' : ':not(:checked)'))
      .waitFor({ state: 'attached' });
  }

  revealButton(): Locator {
    return this.settings().getByRole('button', { name: 'Reveal everyone’s ratings' });
  }

  status(): Locator {
    return this.settings().getByRole('status');
  }

  details(): Locator {
    return this.page.getByRole('complementary', { name: 'Details of the focused cell' });
  }

  /** A figure of the focused cell's details ("Raters (NA left out)", "Mean (−2…2)", …). */
  figure(term: string): Locator {
    return this.details().locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
