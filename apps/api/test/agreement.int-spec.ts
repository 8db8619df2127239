/**
 * The agreement endpoint end to end. The first case lays out 50 passages coded by two analysts
 * exactly as the proposals in Wikipedia's Cohen's kappa example (20 both yes, 5 and 10 split,
 * 15 both no), so the API must answer the published kappa of 0.4. The others check missing
 * data (an analyst who did not code a document), consensus annotations being left out, and bad
 * input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cohensKappa, fleissKappa, krippendorffAlphaNominal, unitsFromCoderRows } from '@marginalia/shared';
import type { TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, type Cast } from './fixtures.js';

const PASSAGES = 50;
/** "Passage 01." ... "Passage 50.", 11 characters each, separated by blank lines. */
const TEXT = Array.from({ length: PASSAGES }, (_unused, i) => `Passage ${String(i + 1).padStart(2, '0')}.`).join('\n\n');
const passage = (i: number): [number, number] => [i * 13, i * 13 + 11];

describe('agreement', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;
  let base: string;
  let documentId: string;
  let tagId: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'agreement');
    workspaceId = await createCastWorkspace(cast);
    base = `/workspaces/${workspaceId}`;
    documentId = await insertDocument(app.dataSource, workspaceId, 'Proposals', TEXT);
    tagId = (await cast.admin.client.post(`${base}/tags`, { name: 'Fund it' })).body.id as string;
    // Analyst A (editor) says yes to proposals 1-25; B (admin) to 1-20 and 26-35.
    await codePassages(cast.editor, documentId, tagId, range(0, 25));
    await codePassages(cast.admin, documentId, tagId, [...range(0, 20), ...range(25, 35)]);
  });
  afterAll(async () => {
    await app.close();
  });

  function range(from: number, to: number): number[] {
    return Array.from({ length: to - from }, (_unused, i) => from + i);
  }

  async function codePassages(user: TestUser, doc: string, tag: string, passages: number[]): Promise<void> {
    for (const i of passages) {
      const [start, end] = passage(i);
      const response = await user.client.post(`${base}/annotations`, { documentId: doc, start, end, tagIds: [tag] });
      expect(response.status).toBe(201);
    }
  }

  it("answers the published kappa of Wikipedia's Cohen's kappa example (0.4) with passages as units", async () => {
    const { status, body } = await cast.viewer.client.get(`${base}/agreement?analysts=${cast.editor.id},${cast.admin.id}&documents=${documentId}&tags=${tagId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ analysts: [cast.editor.id, cast.admin.id], documents: 1, passages: 50 });
    const [tag] = body.tags;
    expect(tag.tagId).toBe(tagId);
    expect(tag.passagesCoded).toEqual([25, 30]);
    expect(tag.passages.units).toBe(50);
    expect(tag.passages.percentAgreement).toBeCloseTo(0.7, 10);
    expect(tag.passages.cohensKappa).toBeCloseTo(0.4, 10);
    expect(body.overall.cohensKappa).toBeCloseTo(0.4, 10);
    // Characters: both 20 x 11, A only 5 x 11, B only 10 x 11, neither 15 x 11 + 49 blank lines of 2.
    expect(tag.characters).toMatchObject({ characters: 648, agreedCoded: 220, agreedUncoded: 263 });
    expect(tag.characters.percentAgreement).toBeCloseTo(483 / 648, 10);
    expect(tag.characters.kappa).toBeCloseTo(cohensKappa([[220, 55], [110, 263]])!, 10);
  });

  it('treats a document an analyst never coded as missing data, and leaves consensus annotations out', async () => {
    const second = await insertDocument(app.dataSource, workspaceId, 'Second batch', 'Passage 51.\n\nPassage 52.');
    await codePassages(cast.editor, second, tagId, [0]);
    await codePassages(cast.admin, second, tagId, [0, 1]);
    // The owner codes the first document too, saying yes to proposals 1-5 only...
    await codePassages(cast.owner, documentId, tagId, range(0, 5));
    // ...and records a consensus on the second document, which must not count as coding it.
    expect((await cast.owner.client.post(`${base}/annotations`, { documentId: second, start: 0, end: 11, tagIds: [tagId], kind: 'consensus' })).status).toBe(201);

    const { body } = await cast.viewer.client.get(`${base}/agreement?analysts=${cast.editor.id},${cast.admin.id},${cast.owner.id}&tags=${tagId}`);
    const a = [...range(0, 50).map((i) => (i < 25 ? 1 : 0)), 1, 0];
    const b = [...range(0, 50).map((i) => (i < 20 || (i >= 25 && i < 35) ? 1 : 0)), 1, 1];
    const c = [...range(0, 50).map((i) => (i < 5 ? 1 : 0)), null, null];
    const figures = body.tags[0].passages;
    expect(figures).toMatchObject({ units: 52, completeUnits: 50, cohensKappa: null });
    expect(figures.krippendorffAlpha).toBeCloseTo(krippendorffAlphaNominal(unitsFromCoderRows([a, b, c]))!, 10);
    const complete = range(0, 50).map((i) => {
      const yes = a[i]! + b[i]! + c[i]!;
      return [3 - yes, yes];
    });
    expect(figures.fleissKappa).toBeCloseTo(fleissKappa(complete)!, 10);
  });

  it('refuses bad parameters with the reason', async () => {
    const agreement = (query: string) => cast.viewer.client.get(`${base}/agreement?${query}`);
    expectApiError(await agreement(`analysts=${cast.editor.id}`), 400, /give at least two different analysts/);
    expectApiError(await agreement(`analysts=${cast.editor.id},${cast.editor.id}`), 400, /give at least two different analysts/);
    expectApiError(await agreement(`analysts=${cast.editor.id},${cast.outsider.id}`), 400, `analysts: ${cast.outsider.id} is not a member of this workspace`);
    expectApiError(await agreement(`analysts=${cast.editor.id},not-a-uuid`), 400, /analysts/);
    const other = await createCastWorkspace(cast, 'Other');
    const foreignTag = (await cast.admin.client.post(`/workspaces/${other}/tags`, { name: 'Foreign' })).body.id as string;
    expectApiError(await agreement(`analysts=${cast.editor.id},${cast.admin.id}&tags=${foreignTag}`), 400, "tags: not every tag is in this workspace's codebook");
  });
});
