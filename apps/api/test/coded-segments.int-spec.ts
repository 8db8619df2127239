/**
 * Retrieval and overview: coded segments per tag (with or without sub-tags) in document order
 * with context and citation, filtered by document, analyst and actor; tag frequencies; and the
 * co-occurrence of tags in passages.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, insertDocument, registerCast, type Cast } from './fixtures.js';

const FIRST = ['Beijing calls on citizens to catch spies.', 'Analyst Su said the campaign shows insecurity.', 'The ministry offers rewards.'].join('\n\n');
const SECOND = ['A second article on the same campaign.', 'It quotes officials about foreign agents.'].join('\n\n');
const at = (text: string, needle: string): [number, number] => {
  const start = [...text.slice(0, text.indexOf(needle))].length;
  return [start, start + [...needle].length];
};

describe('coded segments and tag statistics', () => {
  let app: TestApp;
  let cast: Cast;
  let base: string;
  let first: string;
  let second: string;
  const tags = {} as Record<string, string> & Record<'Explanations' | 'Insecurity' | 'Foreign threat' | 'Mobilisation' | 'actor', string>;
  const annotations: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'segments');
    const workspaceId = await createCastWorkspace(cast);
    base = `/workspaces/${workspaceId}`;
    // Titles sort "A..." before "B...": document order is title order, then offsets.
    second = await insertDocument(app.dataSource, workspaceId, 'B second article', SECOND);
    first = await insertDocument(app.dataSource, workspaceId, 'A first article', FIRST);
    const tag = async (name: string, parent?: string) => (tags[name] = (await cast.admin.client.post(`${base}/tags`, { name, ...(parent ? { parentId: tags[parent] } : {}) })).body.id as string);
    await tag('Explanations');
    await tag('Insecurity', 'Explanations');
    await tag('Foreign threat', 'Explanations');
    await tag('Mobilisation');
    const annotate = async (key: string, user: 'editor' | 'owner', documentId: string, text: string, needle: string, tagNames: string[], memo?: string) => {
      const [start, end] = at(text, needle);
      const response = await cast[user].client.post(`${base}/annotations`, { documentId, start, end, tagIds: tagNames.map((name) => tags[name]), ...(memo ? { memo } : {}) });
      expect(response.status).toBe(201);
      annotations[key] = response.body.id;
    };
    await annotate('foreign', 'editor', second, SECOND, 'foreign agents', ['Foreign threat']);
    await annotate('insecurity', 'editor', first, FIRST, 'shows insecurity', ['Insecurity', 'Mobilisation'], 'Su: the party is insecure');
    await annotate('explanations', 'owner', first, FIRST, 'Analyst Su said', ['Explanations']);
    await annotate('catch', 'owner', first, FIRST, 'catch spies', ['Mobilisation']);
    // An actor whose quote overlaps the insecurity span.
    const actor = await cast.editor.client.post(`${base}/actors`, { name: 'Su Tzu-yun' });
    const [start, end] = at(FIRST, 'Analyst Su said the campaign shows insecurity.');
    expect((await cast.editor.client.post(`${base}/documents/${first}/attributions`, { actorId: actor.body.id, start, end })).status).toBe(201);
    tags.actor = actor.body.id;
  });
  afterAll(async () => {
    await app.close();
  });

  const segments = async (query: string) => (await cast.viewer.client.get(`${base}/coded-segments?${query}`)).body;

  it('retrieves a tag with its sub-tags in document order, with context and citation', async () => {
    const body = await segments(`tagId=${tags.Explanations}`);
    expect(body.total).toBe(3);
    expect(body.segments.map((segment: { annotationId: string }) => segment.annotationId)).toEqual([annotations.explanations, annotations.insecurity, annotations.foreign]);
    expect(body.segments[1]).toMatchObject({
      documentId: first,
      documentTitle: 'A first article',
      passageNumber: 2,
      exact: 'shows insecurity',
      before: 'Beijing calls on citizens to catch spies.\n\nAnalyst Su said the campaign ',
      after: '.\n\nThe ministry offers rewards.',
      memo: 'Su: the party is insecure',
      analyst: { id: cast.editor.id, displayName: expect.any(String) },
      kind: 'analyst',
    });
    expect([...body.segments[1].tagIds].sort()).toEqual([tags.Insecurity, tags.Mobilisation].sort());
    expect((await segments(`tagId=${tags.Explanations}&includeSubtags=false`)).segments.map((segment: { annotationId: string }) => segment.annotationId)).toEqual([annotations.explanations]);
  });

  it('filters by document, analyst and actor, and pages', async () => {
    const ids = async (query: string) => (await segments(query)).segments.map((segment: { annotationId: string }) => segment.annotationId);
    expect(await ids(`tagId=${tags.Explanations}&documentId=${second}`)).toEqual([annotations.foreign]);
    expect(await ids(`tagId=${tags.Explanations}&analystId=${cast.owner.id}`)).toEqual([annotations.explanations]);
    expect(await ids(`tagId=${tags.Mobilisation}&actorId=${tags.actor}`)).toEqual([annotations.insecurity]);
    const page = await segments(`tagId=${tags.Explanations}&limit=1&offset=1`);
    expect({ total: page.total, ids: page.segments.map((segment: { annotationId: string }) => segment.annotationId) }).toEqual({ total: 3, ids: [annotations.insecurity] });
    expectApiError(await cast.viewer.client.get(`${base}/coded-segments?tagId=${tags.actor}`), 400, "tagId: no such tag in this workspace's codebook");
    expectApiError(await cast.viewer.client.get(`${base}/coded-segments`), 400, /tagId/);
  });

  it('counts tag frequencies per document and per analyst', async () => {
    const { body } = await cast.viewer.client.get(`${base}/tag-frequencies`);
    const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(body.byDocument)).toEqual(
      sorted([
        { tagId: tags['Foreign threat'], documentId: second, annotations: 1 },
        { tagId: tags.Insecurity, documentId: first, annotations: 1 },
        { tagId: tags.Mobilisation, documentId: first, annotations: 2 },
        { tagId: tags.Explanations, documentId: first, annotations: 1 },
      ]),
    );
    expect(sorted(body.byAnalyst)).toEqual(
      sorted([
        { tagId: tags['Foreign threat'], analystId: cast.editor.id, annotations: 1 },
        { tagId: tags.Insecurity, analystId: cast.editor.id, annotations: 1 },
        { tagId: tags.Mobilisation, analystId: cast.editor.id, annotations: 1 },
        { tagId: tags.Mobilisation, analystId: cast.owner.id, annotations: 1 },
        { tagId: tags.Explanations, analystId: cast.owner.id, annotations: 1 },
      ]),
    );
    expect((await cast.viewer.client.get(`${base}/tag-frequencies?documentId=${second}`)).body.byDocument).toEqual([{ tagId: tags['Foreign threat'], documentId: second, annotations: 1 }]);
  });

  it('counts passages where two tags occur together', async () => {
    const { body } = await cast.viewer.client.get(`${base}/tag-co-occurrence`);
    const passages = Object.fromEntries(body.tags.map((row: { tagId: string; passages: number }) => [row.tagId, row.passages]));
    // Mobilisation: passage 1 (catch spies) and 2 (insecurity); Insecurity and Explanations: passage 2.
    expect(passages).toEqual({ [tags.Mobilisation]: 2, [tags.Insecurity]: 1, [tags.Explanations]: 1, [tags['Foreign threat']]: 1 });
    const pair = (a: string, b: string) => body.pairs.find((row: { tagIdA: string; tagIdB: string }) => (row.tagIdA === a && row.tagIdB === b) || (row.tagIdA === b && row.tagIdB === a))?.passages ?? 0;
    expect(pair(tags.Mobilisation, tags.Insecurity)).toBe(1);
    expect(pair(tags.Mobilisation, tags.Explanations)).toBe(1);
    expect(pair(tags.Insecurity, tags.Explanations)).toBe(1);
    expect(pair(tags.Mobilisation, tags['Foreign threat'])).toBe(0);
    expect(body.pairs).toHaveLength(3);
  });
});
