/**
 * The ACH matrix in Chromium, on the seeded demo workspace. Mei (owner) lays out two
 * explanations and two pieces of evidence on a new map; she and Tomás (editor) rate the matrix
 * from the Compare tab, by keyboard (digits, arrows, Delete), by mouse (the rating menu) and
 * from the details beside the grid. Each sees the other's ratings arrive in the team spread, and
 * the inconsistency scores, ranks and diagnosticity move to the figures worked out by hand from
 * packages/shared/src/maps/ach-matrix.ts (noted at each step). Blind mode hides Mei's rating from
 * Tomás although it has reached him, until she reveals it. Priya, made a viewer, has no control
 * that rates, and an update she sends over the socket herself is refused and never relayed.
 *
 * Hand computation: ratings are worth CC 2, C 1, N 0, I −1, II −2. A cell's inconsistency is
 * the mean over its raters of I = 1 point, II = 2 points, times the evidence's team weight (the
 * mean of credibility × relevance factors of those who weighed it, low .5, medium 1, high 2;
 * 1 if nobody did). An explanation's score sums its cells; ranks go up from the lowest score,
 * ties sharing. Diagnosticity of evidence: max − min over explanations of the cells' mean values.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rateCell } from '@marginalia/shared';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { AchMatrixPage, RATING_KEYS } from '../pages/AchMatrixPage.js';
import { MapPage } from '../pages/MapPage.js';
import { MapsPage } from '../pages/MapsPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { CollabProbe } from '../support/collab-probe.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const { mei: MEI, tomas: TOMAS, priya: PRIYA } = DEMO_ACCOUNTS;
const MAP_TITLE = 'Competing hypotheses (e2e)';
// Rows of the matrix: explanations; in the order they are created (the matrix's order).
const INSECURITY = 'Regime insecurity';
const CONFLICT = 'Preparation for conflict';
// Columns: evidence.
const ARRESTS = 'Arrests of foreign consultants';
const REWARDS = 'Rewards for reporting spies';

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

async function openMapAs(page: Page, email: string): Promise<MapPage> {
  await openDemoWorkspace(page, email);
  await new WorkspaceShell(page).openSection('Maps');
  await new MapsPage(page).open(MAP_TITLE);
  const map = new MapPage(page);
  await map.canvas().waitFor();
  return map;
}

void test('two members rate the ACH matrix and read the derived scores change live; blind mode hides ratings until revealed; a viewer cannot rate', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    // Mei lays out the map: two explanations, then two pieces of evidence.
    const mei = (pages.mei = await suite.newPage());
    await openDemoWorkspace(mei, MEI.email);
    await new WorkspaceShell(mei).openSection('Maps');
    await new MapsPage(mei).create(MAP_TITLE);
    await new MapsPage(mei).open(MAP_TITLE);
    const meiMap = new MapPage(mei);
    await meiMap.canvas().waitFor();
    await meiMap.addNode('Explanation', INSECURITY);
    await meiMap.addNode('Explanation', CONFLICT);
    await meiMap.addNode('Evidence', ARRESTS);
    await meiMap.addNode('Evidence', REWARDS);
    await meiMap.node(`Evidence: ${REWARDS}`).waitFor();

    const tomas = (pages.tomas = await suite.newPage());
    const tomasMap = await openMapAs(tomas, TOMAS.email);
    await tomasMap.node(`Evidence: ${REWARDS}`).waitFor();
    const meiAch = new AchMatrixPage(mei);
    const tomasAch = new AchMatrixPage(tomas);
    await meiAch.open();
    await tomasAch.open();
    await meiAch.cell(REWARDS, CONFLICT).waitFor();
    await tomasAch.cell(REWARDS, CONFLICT).waitFor();

    // Blind mode first: Mei's rating reaches Tomás (his count of raters says so) but he cannot see it.
    await meiAch.setBlind(true);
    await tomasAch.status().filter({ hasText: /^Blind: you see only your own ratings until they are revealed\. 0 members have rated\.$/ }).waitFor();
    await meiAch.rateByKeyboard(ARRESTS, INSECURITY, 'I');
    await meiAch.cellSaying(ARRESTS, INSECURITY, 'you: Inconsistent').waitFor();
    // Her own view counts her own rating: Regime insecurity 1 point (I), Preparation for conflict 0.
    await meiAch.waitForScore(INSECURITY, 2, '1');
    await tomasAch.status().filter({ hasText: '1 member has rated.' }).waitFor();
    assert.equal(
      await tomasAch.cell(ARRESTS, INSECURITY).getAttribute('aria-label'),
      `${ARRESTS} on ${INSECURITY}; you have not rated`,
      'blind: the cell says nothing of the team',
    );
    assert.equal(await tomasAch.cell(ARRESTS, INSECURITY).locator('.rating-spread').count(), 0, 'blind: no team spread drawn');
    await tomasAch.waitForScore(INSECURITY, 1, '0');
    await tomas.getByRole('heading', { name: 'Least inconsistent first (your ratings only, until revealed)' }).waitFor();
    await saveScreenshot(tomas, 'ach-blind-1280');

    // Mei reveals: Tomás now sees her rating in the cell's team spread, and the team's score.
    await meiAch.revealButton().click();
    await tomasAch.cellSaying(ARRESTS, INSECURITY, 'team: 1 inconsistent').waitFor();
    assert.equal(await tomasAch.cell(ARRESTS, INSECURITY).locator('.rating-spread').count(), 1, 'revealed: the team spread is drawn');
    await tomasAch.waitForScore(INSECURITY, 2, '1');
    await meiAch.setBlind(false);
    await tomasAch.status().filter({ hasText: /^1 member has rated\.$/ }).waitFor();

    // Mei goes on: the arrow key to the next explanation, 2 for C; then the menu, by mouse, for C on Rewards.
    await meiAch.cell(ARRESTS, INSECURITY).focus();
    await mei.keyboard.press('ArrowRight');
    await mei.waitForFunction(() => document.activeElement?.getAttribute('data-grid-cell') === '1:2');
    await mei.keyboard.press('2');
    await meiAch.rateByMouse(REWARDS, INSECURITY, 'C');
    await tomasAch.cellSaying(REWARDS, INSECURITY, 'team: 1 consistent').waitFor();
    await tomasAch.cellSaying(ARRESTS, CONFLICT, 'team: 1 consistent').waitFor();
    // Insecurity: I on Arrests = 1, C on Rewards = 0 → 1, rank 2; Conflict: C = 0 → rank 1.
    await tomasAch.waitForScore(INSECURITY, 2, '1');
    await tomasAch.waitForScore(CONFLICT, 1, '0');
    // Arrests: mean −1 (I) on Insecurity, 1 (C) on Conflict → 2. Rewards: rated on one explanation only → unknown.
    await tomasAch.waitForDiagnosticity(ARRESTS, 'diagnosticity 2');
    await tomasAch.waitForDiagnosticity(REWARDS, 'diagnosticity –');

    // Tomás rates II (key 5) where Mei said C: Arrests on Conflict averages (0 + 2) / 2 = 1 point,
    // so both explanations score 1 and share rank 1. Arrests: −1 against (1 − 2) / 2 = −0.5 → 0.5.
    await tomasAch.rateByKeyboard(ARRESTS, CONFLICT, 'II');
    await meiAch.cellSaying(ARRESTS, CONFLICT, 'team: 1 consistent, 1 very inconsistent').waitFor();
    await meiAch.waitForScore(INSECURITY, 1, '1');
    await meiAch.waitForScore(CONFLICT, 1, '1');
    await meiAch.waitForDiagnosticity(ARRESTS, 'diagnosticity 0.5');

    // Then I, by mouse, on Rewards for Conflict: + 1 point → Conflict 2, rank 2. Rewards: 1 (C) against −1 (I) → 2.
    await tomasAch.rateByMouse(REWARDS, CONFLICT, 'I');
    await meiAch.cellSaying(REWARDS, CONFLICT, 'team: 1 inconsistent').waitFor();
    await meiAch.waitForScore(CONFLICT, 2, '2');
    await meiAch.waitForScore(INSECURITY, 1, '1');
    await meiAch.waitForDiagnosticity(REWARDS, 'diagnosticity 2');

    // And C (key 2) where Mei said I: Arrests on Insecurity averages (1 + 0) / 2 = 0.5 → Insecurity 0.5.
    await tomasAch.rateByKeyboard(ARRESTS, INSECURITY, 'C');
    await meiAch.cellSaying(ARRESTS, INSECURITY, 'team: 1 consistent, 1 inconsistent').waitFor();
    await meiAch.waitForScore(INSECURITY, 1, '0.5');
    await meiAch.waitForScore(CONFLICT, 2, '2');
    // Each member's own score beside the team's: Mei 1 (her I) and 0; Tomás 0 and 2 + 1 = 3.
    await meiAch.ranking().nth(0).filter({ hasText: `#1 ${INSECURITY} team 0.5 · you 1 (#2)` }).waitFor();
    await meiAch.ranking().nth(1).filter({ hasText: `#2 ${CONFLICT} team 2 · you 0 (#1)` }).waitFor();
    await tomasAch.ranking().nth(0).filter({ hasText: `#1 ${INSECURITY} team 0.5 · you 0 (#1)` }).waitFor();
    await tomasAch.ranking().nth(1).filter({ hasText: `#2 ${CONFLICT} team 2 · you 3 (#2)` }).waitFor();
    // Most disputed: C against II is a standard deviation of 1.5 (disagreement .75), I against C one of 1 (.5).
    await meiAch.disputed().nth(0).filter({ hasText: `${ARRESTS} on ${CONFLICT}` }).filter({ hasText: 'disagreement 0.75' }).waitFor();
    await meiAch.disputed().nth(1).filter({ hasText: `${ARRESTS} on ${INSECURITY}` }).filter({ hasText: 'disagreement 0.50' }).waitFor();
    // The focused cell's figures, beside the grid.
    await meiAch.cell(ARRESTS, CONFLICT).focus();
    await meiAch.details().getByRole('heading', { name: `${ARRESTS} on ${CONFLICT}` }).waitFor();
    assert.deepEqual(
      await Promise.all(['Raters (NA left out)', 'Mean (−2…2)', 'Range', 'Standard deviation', 'Disagreement (0…1)'].map((term) => meiAch.figure(term).innerText())),
      ['2', '-0.50', '3', '1.50', '0.75'],
    );

    // Mei weighs Rewards as highly credible (high × medium = 2): Tomás's I there now counts 2 → Conflict 1 + 2 = 3.
    await meiAch.cell(REWARDS, CONFLICT).focus();
    await meiAch.details().getByRole('combobox', { name: 'My credibility' }).selectOption('high');
    await tomasAch.rowHeader(REWARDS).filter({ hasText: 'diagnosticity 2 · weight 2' }).waitFor();
    await tomasAch.waitForScore(CONFLICT, 2, '3');
    await tomasAch.waitForScore(INSECURITY, 1, '0.5');
    // Mei changes her mind from the details' field: II on Rewards for Insecurity, 2 points × 2 → Insecurity 0.5 + 4: the ranks swap.
    await meiAch.cell(REWARDS, INSECURITY).focus();
    await meiAch.details().getByRole('combobox', { name: 'Your rating' }).selectOption('II');
    await tomasAch.cellSaying(REWARDS, INSECURITY, 'team: 1 very inconsistent').waitFor();
    await tomasAch.waitForScore(INSECURITY, 2, '4.5');
    await tomasAch.waitForScore(CONFLICT, 1, '3');
    // Rewards: −2 against −1 → 1.
    await tomasAch.waitForDiagnosticity(REWARDS, 'diagnosticity 1');
    await saveScreenshot(mei, 'ach-1280');
    await tomas.setViewportSize({ width: 390, height: 844 });
    await tomasAch.grid().scrollIntoViewIfNeeded();
    await saveScreenshot(tomas, 'ach-390');
    await tomas.setViewportSize({ width: 1280, height: 900 });

    // Mei makes Priya a viewer; Priya opens the matrix.
    const meiMembers = await mei.context().newPage();
    await meiMembers.goto(mei.url().replace(/\/maps\/.*$/, '/members'));
    await meiMembers.getByRole('combobox', { name: `Role of ${PRIYA.name}` }).selectOption('viewer');
    await meiMembers.getByText(`${PRIYA.name} is now viewer.`).waitFor();
    await meiMembers.close();
    const priya = (pages.priya = await suite.newPage());
    const priyaMap = await openMapAs(priya, PRIYA.email);
    await priyaMap.readOnlyNotice().waitFor();
    const priyaAch = new AchMatrixPage(priya);
    await priyaAch.open();
    await priyaAch.waitForScore(INSECURITY, 2, '4.5');
    assert.equal(await priyaAch.grid().getAttribute('aria-readonly'), 'true');
    assert.equal(await priyaAch.grid().locator('[aria-haspopup]').count(), 0, 'no cell offers the rating menu to a viewer');
    assert.ok(await priyaAch.blindCheckbox().isDisabled(), 'a viewer cannot turn blind mode on');
    // Neither a click nor a digit rates; the details' fields are disabled.
    await priyaAch.cell(REWARDS, CONFLICT).click();
    await priya.keyboard.press(RATING_KEYS.CC);
    await priyaAch.details().getByRole('heading', { name: `${REWARDS} on ${CONFLICT}` }).waitFor();
    assert.equal(await priya.getByRole('menu').count(), 0, 'no rating menu opened');
    for (const field of ['Your rating', 'My credibility', 'My relevance']) assert.ok(await priyaAch.details().getByRole('combobox', { name: field }).isDisabled(), `${field} is disabled for a viewer`);

    // Nor does the server take a rating she sends herself over the socket.
    const ids = await priya.evaluate(async () => {
      const [, workspaceId, mapId] = /^\/w\/([^/]+)\/maps\/([^/?]+)/.exec(location.pathname) ?? [];
      const session = (await (await fetch('/api/auth/session')).json()) as { user: { id: string } };
      const map = (await (await fetch(`/api/workspaces/${workspaceId ?? ''}/maps/${mapId ?? ''}`)).json()) as { docName: string };
      const idOf = (label: string) => document.querySelector<HTMLElement>(`.react-flow__node[aria-label="${label}"]`)?.dataset.id ?? '';
      return { userId: session.user.id, docName: map.docName, hypothesisId: idOf('Explanation: Preparation for conflict'), evidenceId: idOf('Evidence: Rewards for reporting spies') };
    });
    assert.ok(ids.hypothesisId && ids.evidenceId, 'the map nodes are found');
    const probe = await CollabProbe.connect(suite.baseUrl, priya.context());
    try {
      assert.deepEqual(await probe.join(ids.docName), { ok: true, readOnly: true });
      const forged = new Y.Doc();
      rateCell(forged, ids.userId, ids.hypothesisId, ids.evidenceId, 'CC');
      const answer = await probe.sendUpdate(ids.docName, Y.encodeStateAsUpdate(forged));
      assert.equal(answer.ok, false);
      assert.equal(!answer.ok && answer.error, 'read_only');
    } finally {
      probe.close();
    }
    // A later change reaches everyone (updates to a map are relayed in order): Tomás clears his C on
    // Arrests for Insecurity (Delete), leaving Mei's I → Insecurity 1 + 4 = 5. By then Priya's rating
    // would have arrived too, had it been taken: the cell she rated still holds Tomás's I alone.
    await tomasAch.cell(ARRESTS, INSECURITY).focus();
    await tomas.keyboard.press('Delete');
    await meiAch.waitForScore(INSECURITY, 2, '5');
    await priyaAch.waitForScore(INSECURITY, 2, '5');
    assert.match((await meiAch.cell(REWARDS, CONFLICT).getAttribute('aria-label')) ?? '', /; team: 1 inconsistent$/);
    assert.match((await priyaAch.cell(REWARDS, CONFLICT).getAttribute('aria-label')) ?? '', /; you have not rated; team: 1 inconsistent$/);
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});
