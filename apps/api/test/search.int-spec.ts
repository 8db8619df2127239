/**
 * Full-text search over real Postgres and real HTTP: the query syntax as Postgres understands
 * it (stemming, phrases, prefixes, exclusion, OR), every filter, snippets whose highlight
 * ranges point at the matched words in code points, workspace isolation and roles.
 * Garbage and hostile input is in search-input.int-spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchResponseSchema, type SearchResponse, type SearchResult } from '@marginalia/shared';
import { ApiClient, type ApiResponse, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, createWorkspace, expectApiError, registerCast, type Cast } from './fixtures.js';
import { addActor, attribute, insertCorpusDocument, passageOf, searchAs } from './search-fixtures.js';

describe('search', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let dossier: string;
  let harbour: string;
  let otherDocument: string;

  const search = (params: Record<string, string | number>, user: TestUser = cast.viewer): Promise<ApiResponse<SearchResponse>> => searchAs(user, workspaceId, params);

  /** A successful search, checked against the shared response schema. */
  async function found(params: Record<string, string | number>, user?: TestUser): Promise<SearchResponse> {
    const response = await search(params, user);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    expect(SearchResponseSchema.parse(response.body)).toEqual(response.body);
    return response.body;
  }

  /** "document title#passage index" of each result, in order. */
  const places = (body: SearchResponse): string[] => body.results.map((result) => `${result.documentTitle}#${result.passageIndex}`);

  /** What the highlight ranges cover, read through code point offsets as the client does. */
  const highlighted = (result: SearchResult): string[] => result.highlights.map((range) => [...result.snippet].slice(range.start, range.end).join(''));

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'search-');
    workspaceId = await createCastWorkspace(cast, 'Cold War corpus');
    otherWorkspaceId = await createWorkspace(cast.outsider, 'Someone else');
    dossier = await insertCorpusDocument(app.dataSource, workspaceId, {
      title: 'Cold War dossier',
      source: 'The Ledger',
      author: 'Ann Smith',
      language: 'en',
      publishedOn: '2020-05-01',
      text: [
        'The spy crossed the border at night.',
        'Two spies met in a café to discuss the secret service budget.',
        'Democracy and democratic institutions were debated at length.',
      ].join('\n'),
    });
    harbour = await insertCorpusDocument(app.dataSource, workspaceId, {
      title: 'Harbour notes',
      source: 'Harbour Gazette',
      author: 'Bo Lee',
      language: 'en-GB',
      publishedOn: '2021-03-10',
      text: [
        'A secret meeting of the service staff was held; no spy was present.',
        'The embassy reported a spy, another spy and a third spy in the network.',
        'Look: 😀🕵️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🇫🇷 flags come before the agent in this passage.',
      ].join('\n'),
    });
    otherDocument = await insertCorpusDocument(app.dataSource, otherWorkspaceId, { title: 'Elsewhere', text: 'A spy in another workspace, with a secret service and an embassy.' });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('query syntax', () => {
    it('finds every passage with the word, the one that says it most first', async () => {
      const body = await found({ q: 'spy' });
      expect(places(body)[0]).toBe('Harbour notes#1');
      expect(places(body).sort()).toEqual(['Cold War dossier#0', 'Cold War dossier#1', 'Harbour notes#0', 'Harbour notes#1']);
      expect(body.total).toBe(4);
      const ranks = body.results.map((result) => result.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      expect(ranks[0]).toBeGreaterThan(ranks[1]!);
    });

    it('orders equal ranks by document title, then reading order', async () => {
      // The same words, so the same rank: only the order of documents and passages decides.
      await insertCorpusDocument(app.dataSource, workspaceId, { title: 'Twin B', text: 'The mole hunt.\nThe mole hunt!' });
      await insertCorpusDocument(app.dataSource, workspaceId, { title: 'Twin A', text: 'The mole hunt?' });
      const body = await found({ q: 'mole hunt' });
      expect(places(body)).toEqual(['Twin A#0', 'Twin B#0', 'Twin B#1']);
      expect(new Set(body.results.map((result) => result.rank)).size).toBe(1);
    });

    it('stems: "spies" finds "spy" and "spies"', async () => {
      const body = await found({ q: 'spies' });
      expect(body.total).toBe(4);
      const dossierFirst = body.results.find((result) => result.documentTitle === 'Cold War dossier' && result.passageIndex === 0)!;
      expect(highlighted(dossierFirst)).toEqual(['spy']);
    });

    it('needs every word', async () => {
      expect(places(await found({ q: 'secret service spy' })).sort()).toEqual(['Cold War dossier#1', 'Harbour notes#0']);
      expect(places(await found({ q: 'secret staff spy' }))).toEqual(['Harbour notes#0']);
    });

    it('matches a quoted phrase only with the words next to each other, in order', async () => {
      const body = await found({ q: '"secret service"' });
      expect(places(body)).toEqual(['Cold War dossier#1']);
      expect(highlighted(body.results[0]!)).toEqual(['secret', 'service']);
      expect(places(await found({ q: '"service secret"' }))).toEqual([]);
    });

    it('matches word starts with a trailing star', async () => {
      const body = await found({ q: 'democra*' });
      expect(places(body)).toEqual(['Cold War dossier#2']);
      expect(highlighted(body.results[0]!)).toEqual(['Democracy', 'democratic']);
      expect((await found({ q: 'democra' })).total).toBe(0);
    });

    it('leaves out passages with an excluded word or phrase', async () => {
      expect(places(await found({ q: 'spy -embassy' })).sort()).toEqual(['Cold War dossier#0', 'Cold War dossier#1', 'Harbour notes#0']);
      expect(places(await found({ q: 'spy -"secret service" -border' })).sort()).toEqual(['Harbour notes#0', 'Harbour notes#1']);
    });

    it('matches either side of OR, which binds tighter than AND', async () => {
      expect(places(await found({ q: 'café OR embassy' })).sort()).toEqual(['Cold War dossier#1', 'Harbour notes#1']);
      expect(places(await found({ q: 'spy café OR embassy' })).sort()).toEqual(['Cold War dossier#1', 'Harbour notes#1']);
      expect(places(await found({ q: 'spy café embassy' }))).toEqual([]);
    });
  });

  describe('snippets', () => {
    it('are plain text whose highlight ranges point at the matched words after emoji and astral characters', async () => {
      const body = await found({ q: 'agent' });
      const result = body.results[0]!;
      expect(result.snippet).toBe('Look: 😀🕵️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🇫🇷 flags come before the agent in this passage');
      // 47 code points precede "agent"; in UTF-16 units it would be 58.
      expect(result.highlights).toEqual([{ start: 47, end: 52 }]);
      expect(result.snippet.indexOf('agent')).toBe(58);
      expect(highlighted(result)).toEqual(['agent']);
    });

    it('give the passage span in the document in code points', async () => {
      const body = await found({ q: 'agent' });
      const passage = await passageOf(app.dataSource, harbour, 2);
      expect(body.results[0]).toMatchObject({ documentId: harbour, passageId: passage.id, passageIndex: 2, start: passage.start, end: passage.end });
    });

    it('never contain the internal markers, and every range covers a match', async () => {
      for (const q of ['spy', 'secret OR democra*', '"secret service" OR agent']) {
        for (const result of (await found({ q })).results) {
          expect([...result.snippet].filter((char) => char < ' ' && char !== '\n' && char !== '\t')).toEqual([]);
          expect(result.highlights.length).toBeGreaterThan(0);
          for (const word of highlighted(result)) expect(word.toLowerCase()).toMatch(/^(spy|spies|secret|service|democracy|democratic|agent)$/);
        }
      }
    });
  });

  describe('filters', () => {
    it('by document', async () => {
      expect(places(await found({ q: 'spy', documentId: dossier }))).toEqual(['Cold War dossier#0', 'Cold War dossier#1']);
    });

    it('by source, author and language, ignoring case', async () => {
      expect(places(await found({ q: 'spy', source: 'the ledger' }))).toEqual(['Cold War dossier#0', 'Cold War dossier#1']);
      expect(places(await found({ q: 'spy', author: 'BO LEE' }))).toEqual(['Harbour notes#1', 'Harbour notes#0']);
      expect(places(await found({ q: 'spy', language: 'EN-gb' }))).toEqual(['Harbour notes#1', 'Harbour notes#0']);
      expect((await found({ q: 'spy', author: 'Nobody' })).total).toBe(0);
    });

    it('by publication date, both ends inclusive', async () => {
      expect(places(await found({ q: 'spy', publishedFrom: '2021-03-10' }))).toEqual(['Harbour notes#1', 'Harbour notes#0']);
      expect(places(await found({ q: 'spy', publishedTo: '2020-05-01' }))).toEqual(['Cold War dossier#0', 'Cold War dossier#1']);
      expect((await found({ q: 'spy', publishedFrom: '2020-05-02', publishedTo: '2021-03-09' })).total).toBe(0);
    });

    it('by actor: passages overlapping a span attributed to that actor', async () => {
      const ann = await addActor(app.dataSource, workspaceId, 'Ann Agent');
      const bo = await addActor(app.dataSource, workspaceId, 'Bo Broker');
      const cafe = await passageOf(app.dataSource, dossier, 1);
      const border = await passageOf(app.dataSource, dossier, 0);
      // Ann: the last word of passage 1 only. Bo: the whole of passage 0.
      await attribute(app.dataSource, { workspaceId, actorId: ann, documentId: dossier, passageId: cafe.id, start: cafe.end - 7, end: cafe.end });
      await attribute(app.dataSource, { workspaceId, actorId: bo, documentId: dossier, passageId: border.id, start: border.start, end: border.end });
      expect(places(await found({ q: 'spy', actorId: ann }))).toEqual(['Cold War dossier#1']);
      expect(places(await found({ q: 'spy', actorId: bo }))).toEqual(['Cold War dossier#0']);
      expect((await found({ q: 'democra*', actorId: ann })).total).toBe(0);
    });

    it('combine with each other', async () => {
      const body = await found({ q: 'spy OR agent', documentId: harbour, language: 'en-gb', publishedFrom: '2021-01-01', source: 'harbour gazette' });
      expect(places(body).sort()).toEqual(['Harbour notes#0', 'Harbour notes#1', 'Harbour notes#2']);
      expect((await found({ q: 'spy OR agent', documentId: harbour, language: 'en' })).total).toBe(0);
    });

    it('page with limit and offset while total counts every match', async () => {
      const all = await found({ q: 'spy' });
      const second = await found({ q: 'spy', limit: 1, offset: 1 });
      expect(second.total).toBe(all.total);
      expect(second.results).toEqual([all.results[1]]);
      expect(await found({ q: 'spy', offset: 10 })).toEqual({ results: [], total: 4, ignoredWords: [], searched: true });
    });
  });

  describe('a broad query', () => {
    it('counts up to 10,000 and still ranks a page', async () => {
      const crowd = await insertCorpusDocument(app.dataSource, workspaceId, { title: 'Crowd', text: 'The crowd gathered.' });
      await app.dataSource.query(
        `INSERT INTO passages (workspace_id, document_id, index, start, "end", sentences, text)
         SELECT $1, $2, n, n * 100, n * 100 + 40, '[]', CASE WHEN n % 1000 = 0 THEN 'crowd after crowd after crowd' ELSE 'A crowd of ' || n END
           FROM generate_series(1, 10050) AS n`,
        [workspaceId, crowd],
      );
      const body = await found({ q: 'crowd', limit: 100 });
      expect(body.total).toBe(10_000);
      expect(body.results).toHaveLength(100);
      expect(body.results[0]!.snippet).toBe('crowd after crowd after crowd');
      expect((await found({ q: 'crowd', offset: 10_000 })).total).toBe(10_000);
    });
  });

  describe('access', () => {
    it('is open to every member, viewers included', async () => {
      for (const role of ['owner', 'admin', 'editor', 'commenter', 'viewer'] as const) expect((await found({ q: 'spy' }, cast[role])).total).toBe(4);
    });

    it('answers an outsider and an anonymous caller as if the workspace did not exist', async () => {
      expectApiError(await search({ q: 'spy' }, cast.outsider), 404, 'workspace not found');
      const anonymous = await new ApiClient(app.baseUrl).get(`/workspaces/${workspaceId}/search?q=spy`);
      expectApiError(anonymous, 401);
    });

    it('never shows another workspace, even when asked for its document', async () => {
      expect((await found({ q: 'embassy' })).results.map((result) => result.documentId)).toEqual([harbour]);
      expect(await found({ q: 'spy', documentId: otherDocument })).toEqual({ results: [], total: 0, ignoredWords: [], searched: true });
      const theirs = await searchAs(cast.outsider, otherWorkspaceId, { q: 'spy' });
      expect(theirs.body.results.map((result) => result.documentId)).toEqual([otherDocument]);
      expect((await searchAs(cast.outsider, otherWorkspaceId, { q: 'spy', documentId: dossier })).body).toEqual({ results: [], total: 0, ignoredWords: [], searched: true });
      const theirActor = await addActor(app.dataSource, otherWorkspaceId, 'Their source');
      const theirPassage = await passageOf(app.dataSource, otherDocument, 0);
      await attribute(app.dataSource, { workspaceId: otherWorkspaceId, actorId: theirActor, documentId: otherDocument, passageId: theirPassage.id, start: theirPassage.start, end: theirPassage.end });
      expect((await searchAs(cast.outsider, otherWorkspaceId, { q: 'spy', actorId: theirActor })).body.total).toBe(1);
      expect(await found({ q: 'spy', actorId: theirActor })).toEqual({ results: [], total: 0, ignoredWords: [], searched: true });
    });
  });
});
