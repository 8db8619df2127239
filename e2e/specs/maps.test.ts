/**
 * Argument maps in Chromium, on the seeded demo workspace. Mei (owner) creates a map; she and
 * Tomás (editor), each in a browser context of their own, edit it at once: each sees the
 * other's node appear and cursor move. Priya (commenter, who may not edit maps) follows it live
 * with no editing controls. A passage dragged from the reader side panel onto the canvas
 * becomes an evidence node quoting it, for everyone; the reader then says the passage is cited.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CorpusPage } from '../pages/CorpusPage.js';
import { MapPage } from '../pages/MapPage.js';
import { MapsPage } from '../pages/MapsPage.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { WorkspaceShell } from '../pages/WorkspaceShell.js';
import { saveFailureArtifacts, saveScreenshot } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const { mei: MEI, tomas: TOMAS, priya: PRIYA } = DEMO_ACCOUNTS;
const MAP_TITLE = 'Why go public now? (e2e)';
const DEMO_MAP_TITLE = 'Why are China’s security organs mobilising the public now?';

const suite = new DemoSuite();

async function openMapAs(page: Page, email: string, title: string): Promise<MapPage> {
  await openDemoWorkspace(page, email);
  await new WorkspaceShell(page).openSection('Maps');
  await new MapsPage(page).open(title);
  const map = new MapPage(page);
  await map.canvas().waitFor();
  return map;
}

before(() => suite.start());
after(() => suite.stop());

void test('two members edit a map at once, a commenter follows it read-only, and a passage dragged from the reader becomes evidence', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    await openDemoWorkspace(mei, MEI.email);
    await new WorkspaceShell(mei).openSection('Maps');
    await new MapsPage(mei).create(MAP_TITLE);
    await new MapsPage(mei).open(MAP_TITLE);
    const meiMap = new MapPage(mei);
    await meiMap.canvas().waitFor();

    const tomas = (pages.tomas = await suite.newPage());
    const tomasMap = await openMapAs(tomas, TOMAS.email, MAP_TITLE);

    // Each sees the other's node appear.
    await meiMap.addNode('Explanation', 'Regime insecurity');
    await tomasMap.node('Explanation: Regime insecurity').waitFor();
    await tomasMap.addNode('Explanation', 'A power struggle between security organs');
    await meiMap.node('Explanation: A power struggle between security organs').waitFor();

    // And each other's cursor, which follows the pointer.
    await meiMap.moveMouseOverCanvas(0.3, 0.3);
    await tomasMap.remoteCursor(MEI.name).waitFor();
    const first = await tomasMap.remoteCursorTransform(MEI.name);
    await meiMap.moveMouseOverCanvas(0.7, 0.6);
    await tomas.waitForFunction(
      ({ name, before }) => (document.querySelector(`[data-testid="map-cursor"][data-user-name="${name}"]`) as HTMLElement | null)?.style.transform !== before,
      { name: MEI.name, before: first },
    );
    await tomasMap.moveMouseOverCanvas(0.5, 0.5);
    await meiMap.remoteCursor(TOMAS.name).waitFor();

    // Mei drags her node by mouse; Tomás sees it land where she dropped it.
    const tomasBefore = await tomasMap.node('Explanation: Regime insecurity').evaluate((element) => (element as HTMLElement).style.transform);
    const box = await meiMap.node('Explanation: Regime insecurity').boundingBox();
    assert.ok(box, 'the node is on screen');
    await mei.mouse.move(box.x + 30, box.y + 20);
    await mei.mouse.down();
    await mei.mouse.move(box.x + 30 - 120, box.y + 20 - 80, { steps: 8 });
    await mei.mouse.up();
    await tomas.waitForFunction(
      ({ before }) => (document.querySelector('.react-flow__node[aria-label="Explanation: Regime insecurity"]') as HTMLElement | null)?.style.transform !== before,
      { before: tomasBefore },
    );

    // Priya, a commenter, sees the map live but has nothing to edit it with.
    const priya = (pages.priya = await suite.newPage());
    const priyaMap = await openMapAs(priya, PRIYA.email, MAP_TITLE);
    await priyaMap.readOnlyNotice().waitFor();
    await priyaMap.node('Explanation: Regime insecurity').waitFor();
    assert.equal(await priyaMap.addNodeButton().count(), 0, 'no "Add node" for a commenter');
    await priyaMap.node('Explanation: Regime insecurity').click();
    const inspector = priya.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: 'Regime insecurity' }).waitFor();
    assert.equal(await inspector.getByRole('textbox').count(), 0, 'the inspector has no fields to edit for a commenter');

    // Mei drags passage 1 from the reader side panel onto the canvas: an evidence node quoting it.
    await meiMap.openReader();
    const passage = (await meiMap.dragPassageOntoCanvas(1)).replace(/\s+/g, ' ').trim();
    const opening = passage.slice(0, 40);
    const evidence = meiMap.node(new RegExp(`^Evidence: ${escapeRegExp(opening)}`));
    await evidence.waitFor();
    await evidence.getByText(opening).waitFor();
    // Live for the others too, the commenter included.
    await tomasMap.node(new RegExp(`^Evidence: ${escapeRegExp(opening)}`)).waitFor();
    await priyaMap.node(new RegExp(`^Evidence: ${escapeRegExp(opening)}`)).waitFor();

    // Words selected in the panel, dragged over, become an evidence node quoting just them.
    const words = await meiMap.dragSelectionOntoCanvas(2);
    assert.ok(words.length > 5, `words are selected: “${words}”`);
    await tomasMap.node(`Evidence: ${words.replace(/\s+/g, ' ')}`).waitFor();

    // Its inspector shows the quote as a link into the reader at that span.
    await evidence.click();
    const quoteLink = mei.getByRole('complementary', { name: 'Inspector' }).getByRole('link', { name: new RegExp(escapeRegExp(opening)) });
    const href = await quoteLink.getAttribute('href');
    assert.match(href ?? '', /\/corpus\/[0-9a-f-]+\?span=\d+-\d+$/, 'the quote opens the reader at the cited span');

    const wide = await saveScreenshot(mei, 'map-1280');
    assert.ok(wide.distinctColours > 16, 'the map screenshot is not blank');
    await tomas.setViewportSize({ width: 390, height: 844 });
    await tomasMap.node('Explanation: Regime insecurity').waitFor();
    await saveScreenshot(tomas, 'map-390');

    // The reader says the passage is cited by the map (projected after the map's update is stored).
    await quoteLink.click();
    await mei.getByRole('link', { name: MAP_TITLE }).first().waitFor({ timeout: 30_000 });
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('"Add to map…" on text selected in the reader adds an evidence node citing it; undo takes back only one\'s own change; nodes are added and connected by keyboard', async (t) => {
  const pages: Record<string, Page> = {};
  const title = 'Evidence gathered in the reader (e2e)';
  try {
    const tomas = (pages.tomas = await suite.newPage());
    await openDemoWorkspace(tomas, TOMAS.email);
    await new WorkspaceShell(tomas).openSection('Maps');
    await new MapsPage(tomas).create(title);

    // Select passage 3's first sentence by keyboard and add it to the map.
    await new WorkspaceShell(tomas).openSection('Corpus');
    const corpus = new CorpusPage(tomas);
    await corpus.waitUntilShown();
    const [firstTitle] = await corpus.titles();
    assert.ok(firstTitle, 'the demo corpus has documents');
    await corpus.openDocument(firstTitle);
    const reader = new ReaderPage(tomas);
    await reader.waitUntilShown();
    await reader.passage(1).focus();
    await reader.press('j');
    await reader.press('j');
    await reader.waitForFocusedPassage(3);
    await reader.press('s');
    const addToMap = tomas.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: /Add to map/ });
    await addToMap.waitFor();
    const sentence = (await tomas.evaluate(() => document.getSelection()?.toString() ?? '')).replace(/\s+/g, ' ').trim();
    assert.ok(sentence.length > 10, `a sentence is selected: “${sentence}”`);
    await addToMap.click();
    const dialog = tomas.getByRole('dialog', { name: 'Add to map' });
    await dialog.getByRole('combobox', { name: 'Map' }).selectOption({ label: title });
    await dialog.getByRole('button', { name: 'Add evidence node' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Once projected, the reader says where the passage is cited.
    const citation = tomas.getByRole('link', { name: title });
    await citation.first().waitFor({ timeout: 30_000 });
    await saveScreenshot(tomas, 'reader-cited-in-map-1280');

    // The link opens the map at the new evidence node, which quotes the sentence.
    await citation.first().click();
    const map = new MapPage(tomas);
    const opening = sentence.slice(0, 40);
    const evidence = map.node(new RegExp(`^Evidence: ${escapeRegExp(opening)}`));
    await evidence.waitFor();
    await tomas.getByRole('complementary', { name: 'Inspector' }).getByRole('link', { name: new RegExp(escapeRegExp(opening)) }).waitFor();

    // Tomás deletes the evidence node with Del; Mei, meanwhile, adds a question. Tomás's Ctrl+Z
    // brings his node back and leaves her question alone; Ctrl+Shift+Z deletes it again.
    const mei = (pages.mei = await suite.newPage());
    const meiMap = await openMapAs(mei, MEI.email, title);
    const meiEvidence = meiMap.node(new RegExp(`^Evidence: ${escapeRegExp(opening)}`));
    await meiEvidence.waitFor();
    await evidence.click();
    await tomas.keyboard.press('Delete');
    await meiEvidence.waitFor({ state: 'detached' });
    await meiMap.addNode('Question', 'Why now?');
    await map.node('Question: Why now?').waitFor();
    await tomas.keyboard.press('Control+z');
    await meiEvidence.waitFor();
    assert.equal(await meiMap.node('Question: Why now?').count(), 1, "Mei's question is still there after Tomás's undo");
    await tomas.keyboard.press('Control+Shift+z');
    await meiEvidence.waitFor({ state: 'detached' });
    assert.equal(await map.node('Question: Why now?').count(), 1);

    // By keyboard alone: N opens "Add node", Enter picks the first kind, the text field has focus.
    await map.node('Question: Why now?').focus();
    await tomas.keyboard.press('n');
    await tomas.getByRole('menu', { name: /Add node/ }).getByRole('menuitem', { name: 'Question', exact: true }).waitFor();
    await tomas.keyboard.press('ArrowDown');
    await tomas.keyboard.press('Enter');
    await tomas.keyboard.type('The campaign answers a crisis of legitimacy');
    await meiMap.node('Explanation: The campaign answers a crisis of legitimacy').waitFor();
    // Select the question, then the explanation (Shift+Enter adds to the selection), and connect with C.
    await map.node('Question: Why now?').focus();
    await tomas.keyboard.press('Enter');
    await map.node(/^Explanation: The campaign/).focus();
    await tomas.keyboard.down('Shift');
    await tomas.keyboard.press('Enter');
    await tomas.keyboard.up('Shift');
    await tomas.keyboard.press('c');
    await tomas.getByRole('menuitem', { name: /answers the first selected/ }).click();
    // The second picked answers the first: an edge named by both ends, seen by Mei.
    await meiMap.edge('The campaign answers a crisis of legitimacy answers Why now?').waitFor();

    // Copy and paste: the question again, as a new node, for Mei too.
    await map.node('Question: Why now?').click();
    await tomas.keyboard.press('Control+c');
    await tomas.keyboard.press('Control+v');
    await tomas.waitForFunction(() => document.querySelectorAll('.react-flow__node[aria-label="Question: Why now?"]').length === 2);
    await mei.waitForFunction(() => document.querySelectorAll('.react-flow__node[aria-label="Question: Why now?"]').length === 2);
    await tomas.keyboard.press('Delete');
    await mei.waitForFunction(() => document.querySelectorAll('.react-flow__node[aria-label="Question: Why now?"]').length === 1);

    // Tidy layout (elkjs, in a worker) moves the nodes into layers, the question above its answer, for Mei too.
    const questionBefore = await meiMap.node('Question: Why now?').evaluate((element) => (element as HTMLElement).style.transform);
    await tomas.getByRole('button', { name: 'Tidy layout' }).click();
    await mei.waitForFunction(
      ({ before }) => (document.querySelector('.react-flow__node[aria-label="Question: Why now?"]') as HTMLElement | null)?.style.transform !== before,
      { before: questionBefore },
    );
    const questionBox = await meiMap.node('Question: Why now?').boundingBox();
    const answerBox = await meiMap.node(/^Explanation: The campaign/).boundingBox();
    assert.ok(questionBox && answerBox && questionBox.y + questionBox.height <= answerBox.y, 'the question is laid out above the explanation that answers it');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test('the maps list: create, rename, duplicate, archive and delete, seen live by a colleague', async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    await openDemoWorkspace(mei, MEI.email);
    await new WorkspaceShell(mei).openSection('Maps');
    const meiMaps = new MapsPage(mei);
    const tomasContext = await suite.newContext({ viewport: { width: 390, height: 844 } });
    const tomas = (pages.tomas = await tomasContext.newPage());
    await openDemoWorkspace(tomas, TOMAS.email);
    await tomas.goto(mei.url());
    const tomasMaps = new MapsPage(tomas);

    await meiMaps.create('Hypotheses, first pass');
    await tomasMaps.mapLink('Hypotheses, first pass').waitFor();

    await meiMaps.act('Hypotheses, first pass', 'Rename');
    const rename = mei.getByRole('dialog', { name: 'Rename map' });
    await rename.getByRole('textbox', { name: 'Title' }).fill('Hypotheses, second pass');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await tomasMaps.mapLink('Hypotheses, second pass').waitFor();

    await meiMaps.act('Hypotheses, second pass', 'Duplicate');
    await mei.getByRole('dialog', { name: 'Duplicate map' }).getByRole('button', { name: 'Duplicate' }).click();
    await tomasMaps.mapLink('Hypotheses, second pass (copy)').waitFor();

    await meiMaps.act('Hypotheses, second pass (copy)', 'Archive');
    await tomasMaps.mapLink('Hypotheses, second pass (copy)').waitFor({ state: 'detached' });
    await mei.getByRole('checkbox', { name: 'Show archived maps' }).check();
    await meiMaps.mapLink('Hypotheses, second pass (copy)').waitFor();

    await meiMaps.act('Hypotheses, second pass', 'Delete');
    await mei.getByRole('dialog', { name: 'Delete this map?' }).getByRole('button', { name: 'Delete map' }).click();
    await tomasMaps.mapLink('Hypotheses, second pass').waitFor({ state: 'detached' });

    await saveScreenshot(mei, 'maps-list-1280');
    await saveScreenshot(tomas, 'maps-list-390');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

void test("the demo's starter map opens with its explanations, and Compare loads the comparison views", async (t) => {
  const pages: Record<string, Page> = {};
  try {
    const mei = (pages.mei = await suite.newPage());
    const map = await openMapAs(mei, MEI.email, DEMO_MAP_TITLE);
    await map.node(/^Explanation: /).first().waitFor();
    assert.ok((await map.nodes().count()) >= 8, 'the starter map shows its question, explanations and evidence');
    // The overview draws every node too (it reads the sizes the canvas measured).
    await mei.waitForFunction(() => document.querySelectorAll('.react-flow__minimap-node').length === document.querySelectorAll('.react-flow__node').length);
    await map.node(/^Explanation: /).first().click();
    await mei.getByRole('complementary', { name: 'Inspector' }).getByRole('list', { name: 'Actors holding or rejecting this' }).getByRole('listitem').first().waitFor();
    // Find a node: typing lists the matching nodes; choosing one selects it.
    await mei.getByRole('combobox', { name: 'Find a node' }).fill('power strug');
    await mei.getByRole('option', { name: /A power struggle between the security organs/ }).click();
    await mei.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Text' }).and(mei.locator('textarea')).filter({ hasText: 'A power struggle between the security organs' }).waitFor();
    const wide = await saveScreenshot(mei, 'demo-map-1280');
    assert.ok(wide.distinctColours > 16, 'the demo map screenshot is not blank');
    await mei.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(mei, 'demo-map-390', { fullPage: true });
    await mei.setViewportSize({ width: 1280, height: 900 });
    await mei.getByRole('tab', { name: 'Compare' }).click();
    await mei.getByRole('tablist', { name: 'Compare explanations' }).waitFor();
    await saveScreenshot(mei, 'demo-map-compare-1280');
  } catch (error) {
    await saveFailureArtifacts(t.name, pages, suite.log());
    throw error;
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
