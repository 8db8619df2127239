/**
 * A thread on a tagging, started from the reader's margin: Mei opens the demo article, chooses
 * "Discuss tagging" on one of the seeded annotations, comments, and lands on the thread, which
 * names the tagged words as its anchor.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CorpusPage } from '../pages/CorpusPage.js';
import { ReaderPage } from '../pages/ReaderPage.js';
import { saveFailureArtifacts } from '../support/artifacts.js';
import { DEMO_ACCOUNTS, DemoSuite, openDemoWorkspace } from '../support/demo-suite.js';

const ARTICLE = /Analysis: Ministry/;

const suite = new DemoSuite();
before(() => suite.start());
after(() => suite.stop());

void test('a thread on a tagging starts from the margin and shows the tagged words as its anchor', async (t) => {
  const page = await suite.newPage();
  try {
    await openDemoWorkspace(page, DEMO_ACCOUNTS.mei.email);
    const corpus = new CorpusPage(page);
    await corpus.waitUntilShown();
    const title = (await corpus.titles()).find((candidate) => ARTICLE.test(candidate));
    assert.ok(title, 'the demo article is listed');
    await corpus.openDocument(title);
    await new ReaderPage(page).waitUntilShown();

    const discuss = page.getByRole('button', { name: /^Discuss tagging: Regime insecurity by Mei Lin/ }).first();
    await discuss.waitFor();
    const label = (await discuss.getAttribute('aria-label')) ?? '';
    const quoted = /on “(.+)”$/.exec(label)?.[1]?.replace(/…$/, '') ?? '';
    assert.ok(quoted.length > 10, 'the button names the tagged words');
    await discuss.click();
    const dialog = page.getByRole('dialog', { name: 'Start a thread' });
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Is this tagging too broad?');
    await dialog.getByRole('button', { name: 'Comment', exact: true }).click();

    await page.waitForURL(/\/discussion\?thread=/);
    await page.getByText('Is this tagging too broad?').first().waitFor();
    await page.getByText(quoted.slice(0, 20)).first().waitFor();
  } catch (error) {
    await saveFailureArtifacts(t.name, { mei: page }, suite.log());
    throw error;
  }
});
