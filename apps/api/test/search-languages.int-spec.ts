/**
 * Search beyond English: Chinese and Japanese (written without spaces, found by any two or more
 * characters, as words, phrases and prefixes), passages mixing English and Chinese, each
 * document stemmed in its own language (detected at import, editable in its metadata), and
 * queries of only stop words, which say so.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchResponseSchema, type DocumentDetail, type SearchResponse, type SearchResult } from '@marginalia/shared';
import type { TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';
import { fixtureFile, importFiles } from './fixtures/imports/import-client.js';
import { insertCorpusDocument, searchAs } from './search-fixtures.js';

describe('search in several languages', () => {
  let app: TestApp;
  let cast: Cast;
  let workspaceId: string;
  let chineseId: string;

  async function found(q: string, user: TestUser = cast.viewer): Promise<SearchResponse> {
    const response = await searchAs(user, workspaceId, { q });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    return SearchResponseSchema.parse(response.body);
  }
  const titles = (body: SearchResponse): string[] => body.results.map((result) => `${result.documentTitle}#${result.passageIndex}`).sort();
  const highlighted = (result: SearchResult): string[] => result.highlights.map((range) => [...result.snippet].slice(range.start, range.end).join(''));

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'languages-');
    workspaceId = await createCastWorkspace(cast, 'Sources in several languages');
    // GBK-encoded, as a Chinese newsroom would send it; no language in the file.
    const job = await importFiles(cast.editor.client, app.baseUrl, workspaceId, [fixtureFile('gbk.txt')]);
    chineseId = job.files[0]!.documentId!;
    await insertCorpusDocument(app.dataSource, workspaceId, {
      title: 'Japanese report',
      text: ['国家安全保障局は新しい規則を発表した。', 'スパイ行為を通報するよう市民に呼びかけている。'].join('\n'),
    });
    await insertCorpusDocument(app.dataSource, workspaceId, {
      title: 'Mixed notes',
      language: 'en',
      text: [
        'The Ministry of State Security (国家安全部) says spies are everywhere.',
        'Analysts call the 反间谍法 a tool of social control.',
        'Nothing to see in this English passage about the weather.',
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('detects the language of an imported file that does not name one, and stores it', async () => {
    const detail = await cast.viewer.client.get<DocumentDetail>(`/workspaces/${workspaceId}/documents/${chineseId}`);
    expect(detail.body.language).toBe('zh');
    const documents = await cast.viewer.client.get<{ documents: { title: string; language: string | null }[] }>(`/workspaces/${workspaceId}/documents`);
    expect(Object.fromEntries(documents.body.documents.map((document) => [document.title, document.language]))).toMatchObject({ 'Japanese report': 'ja', 'Mixed notes': 'en' });
  });

  it('finds Chinese words inside longer runs of characters, and highlights them', async () => {
    const security = await found('国家安全');
    expect(titles(security)).toEqual(['Japanese report#0', 'Mixed notes#0', '国家安全部的新规定#0', '国家安全部的新规定#1']);
    const chinese = security.results.find((result) => result.documentTitle === '国家安全部的新规定' && result.passageIndex === 1)!;
    expect(chinese.snippet).toContain('国家安全部周一公布了新的反间谍安全规定');
    expect(highlighted(chinese)).toEqual(['国家安全']);
    const counterEspionage = await found('反间谍');
    expect(titles(counterEspionage)).toEqual(['Mixed notes#1', '国家安全部的新规定#1']);
    expect(highlighted(counterEspionage.results.find((result) => result.documentTitle === '国家安全部的新规定')!)).toEqual(['反间谍', '反间谍']);
  });

  it('matches Chinese characters only next to each other and in order', async () => {
    expect(titles(await found('安全国家'))).toEqual([]);
    expect(titles(await found('"新的反间谍安全规定"'))).toEqual(['国家安全部的新规定#1']);
    expect(titles(await found('"反间谍规定"'))).toEqual([]);
    // Two words, each anywhere in the passage.
    expect(titles(await found('担忧 权力'))).toEqual(['国家安全部的新规定#2']);
  });

  it('takes a single character, and a prefix, as the start of a word', async () => {
    expect(titles(await found('忧'))).toEqual(['国家安全部的新规定#2']);
    expect(titles(await found('规*'))).toEqual(['国家安全部的新规定#0', '国家安全部的新规定#1']);
    expect(titles(await found('規*'))).toEqual(['Japanese report#0']);
  });

  it('finds Japanese in kanji and katakana', async () => {
    expect(titles(await found('スパイ'))).toEqual(['Japanese report#1']);
    expect(titles(await found('安全保障'))).toEqual(['Japanese report#0']);
    expect(titles(await found('新しい規則'))).toEqual(['Japanese report#0']);
  });

  it('searches passages mixing English and Chinese in both, with English stemming kept', async () => {
    const both = await found('spy 国家安全部');
    expect(titles(both)).toEqual(['Mixed notes#0']);
    expect(highlighted(both.results[0]!)).toEqual(['国家安全部', 'spies']);
    expect(titles(await found('"the 反间谍法 a tool"'))).toEqual(['Mixed notes#1']);
    expect(titles(await found('Security(国家安全部)'))).toEqual(['Mixed notes#0']);
    expect(titles(await found('"Security 国家安全部 spies"'))).toEqual(['Mixed notes#0']);
    expect(titles(await found('Analysts反间谍法'))).toEqual(['Mixed notes#1']);
    expect(titles(await found('weather'))).toEqual(['Mixed notes#2']);
  });

  it('says that a query of only stop words ignores them', async () => {
    // ("the" is an English stop word; a German document in the workspace would make it a word to look for.)
    expect(await found('the')).toEqual({ results: [], total: 0, ignoredWords: ['the'], searched: false });
    const partly = await found('the weather');
    expect({ total: partly.total, ignoredWords: partly.ignoredWords, searched: partly.searched }).toEqual({ total: 1, ignoredWords: ['the'], searched: true });
  });

  it('stems each document in its language, and indexes it again when its language is edited', async () => {
    const german = await insertCorpusDocument(app.dataSource, workspaceId, { title: 'Bericht', language: 'en', text: 'Die Verhaftungen wurden gestern gemeldet.' });
    expect(titles(await found('Verhaftung'))).toEqual([]);
    const edited = await cast.editor.client.patch<DocumentDetail>(`/workspaces/${workspaceId}/documents/${german}`, { language: 'de' });
    expect({ status: edited.status, language: edited.body.language }).toEqual({ status: 200, language: 'de' });
    expect(titles(await found('Verhaftung'))).toEqual(['Bericht#0']);
    // English documents keep English stemming and stop words.
    expect(titles(await found('spy'))).toEqual(['Mixed notes#0']);
  });
});
