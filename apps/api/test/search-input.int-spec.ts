/**
 * What search does with input that is not a sensible query: garbage gives 200 with no results,
 * malformed parameters a 400 naming the problem, and text that looks like SQL or tsquery
 * syntax is searched for as text. Never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchResponseSchema } from '@marginalia/shared';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, expectApiError, registerCast, type Cast } from './fixtures.js';
import { insertCorpusDocument, searchAs } from './search-fixtures.js';

describe('search input', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;

  const search = (params: Record<string, string | number>) => searchAs(cast.viewer, workspaceId, params);
  const passageCount = async (): Promise<number> => ((await app.dataSource.query('SELECT count(*)::int AS n FROM passages')) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'search-input-');
    workspaceId = await createCastWorkspace(cast);
    await insertCorpusDocument(app.dataSource, workspaceId, {
      title: 'Transcript',
      text: ["The informant said: 'drop table' is what the clerk wrote on the form.", 'Robert said the spy used the code word OR.', 'A passage about 1=1 and other equations.'].join('\n'),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['only punctuation', '!!! ??? ... ;;; ---', []],
    ['only stop words', 'the of and or to a', ['the', 'of', 'and', 'or', 'to', 'a']],
    ['only exclusions', '-spy -"code word"', []],
    ['500 characters of symbols', '!@#$%^&*()_+={}[]|\\:;"\'<>,.?/~`'.repeat(17).slice(0, 500), []],
    ['tsquery operators alone', '& | ! <-> :* ( )', []],
    ['an empty phrase', '""', []],
  ])('answers %s with no results, saying nothing was searched for and which words were ignored', async (_name, q, ignoredWords) => {
    const response = await search({ q });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ results: [], total: 0, ignoredWords, searched: false });
  });

  it('closes an unbalanced quote at the end of the query', async () => {
    const response = await search({ q: 'spy "code word' });
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(1);
  });

  it('searches SQL-looking input as words, and changes nothing', async () => {
    const before = await passageCount();
    for (const q of ["'; DROP TABLE passages; --", "drop table') OR 1=1 --", 'spy" OR "1"="1', '$1 $2::tsquery \\x00']) {
      const response = await search({ q });
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
      expect(SearchResponseSchema.safeParse(response.body).success).toBe(true);
    }
    expect((await search({ q: "'; DROP TABLE --" })).body.results.map((result) => result.snippet)).toEqual([
      "The informant said: 'drop table' is what the clerk wrote on the form",
    ]);
    expect(await passageCount()).toBe(before);
  });

  it('takes prefixes with apostrophes, hyphens, digits and combining marks', async () => {
    for (const q of ["o'brien*", "informant'*", 'e-mail*', "'-'*", '1-2-3*', 'e\u0301*', '’’inform*']) {
      const response = await search({ q });
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
    }
    expect((await search({ q: '’’inform*' })).body.total).toBe(1);
  });

  it('searches tsquery syntax as words', async () => {
    expect((await search({ q: 'spy & !code' })).body.total).toBe(1);
    expect((await search({ q: "'spy':* | 'nothing'" })).body.total).toBe(0);
    expect((await search({ q: 'informant:* <-> clerk' })).body.total).toBe(1);
  });

  it('survives random strings of awkward characters', async () => {
    const alphabet = ['"', '-', '*', 'OR', ' ', '\\', "'", ':', '&', '|', '!', '(', ')', '<->', 'spy', 'é', '😀', '\u0301', '\u200b', '%', '_', '\t', '東'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 60; i += 1) {
      const q = `x${Array.from({ length: 1 + Math.floor(next() * 20) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')}`.slice(0, 500);
      const response = await search({ q });
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
    }
  });

  it.each([
    ['q is missing', {}, /^invalid query: q /],
    ['q is blank', { q: '   ' }, 'invalid query: q must not be empty'],
    ['q is longer than 500 characters', { q: 'a'.repeat(501) }, /^invalid query: q /],
    ['limit is 0', { q: 'spy', limit: 0 }, /^invalid query: limit /],
    ['limit is over 100', { q: 'spy', limit: 101 }, /^invalid query: limit /],
    ['offset is negative', { q: 'spy', offset: -1 }, /^invalid query: offset /],
    ['offset is past 10,000', { q: 'spy', offset: 10_001 }, /^invalid query: offset /],
    ['documentId is not a UUID', { q: 'spy', documentId: 'nope' }, /^invalid query: documentId /],
    ['actorId is not a UUID', { q: 'spy', actorId: "1' OR '1'='1" }, /^invalid query: actorId /],
    ['a date is not a date', { q: 'spy', publishedFrom: '2020-13-01' }, /^invalid query: publishedFrom /],
    ['a parameter is unknown', { q: 'spy', sort: 'rank' }, 'invalid query: unknown field(s): sort'],
    ['there are more than 32 terms', { q: Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ') }, 'invalid query: q has more than 32 search terms'],
  ])('refuses a query where %s with 400', async (_name, params, message) => {
    expectApiError(await search(params), 400, message);
  });

  it('accepts 500 characters and the limits at their bounds', async () => {
    expect((await search({ q: `spy ${'x'.repeat(496)}` })).status).toBe(200);
    expect((await search({ q: 'spy', limit: 100, offset: 10_000 })).body).toEqual({ results: [], total: 1, ignoredWords: [], searched: true });
    expect((await search({ q: 'spy', limit: 1 })).body.results).toHaveLength(1);
  });
});
