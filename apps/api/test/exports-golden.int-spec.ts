/**
 * Every registered export format serialises the demo workspace (plus a document with emoji and
 * a rare CJK character, U+2000B, outside the BMP) to its golden file, and each format's own
 * promises hold: the JSON matches its schema, CSV rows are RFC 4180 with code-point offsets,
 * the Web Annotation collection is valid by the W3C model, the report has its sections and
 * the HTML report carries no markup from people's text.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkspaceExportSchema, type WorkspaceExport } from '@marginalia/shared';
import { createTestApp, type TestApp } from './create-test-app.js';
import { expectGolden, stableSnapshot } from './export-golden.js';
import { validateAnnotationCollection } from './web-annotation-validator.js';
import { seedDemoWorkspace } from '../src/seed/demo-seed.js';
import { WorkspaceExportLoader } from '../src/modules/exports/workspace-export.loader.js';
import { EXPORT_FORMATS, findExportFormat } from '../src/modules/exports/export-formats.js';
import type { ExportOutput } from '../src/modules/exports/export-format.js';

const RARE_TEXT = 'Preface 😀 then 𠀋 rare, a | pipe, <b>bold</b>, "quoted", and *stars*.\nSecond line 😀.';

async function collect(output: ExportOutput): Promise<string | Uint8Array> {
  if (typeof output === 'string' || output instanceof Uint8Array) return output;
  const chunks: (string | Uint8Array)[] = [];
  for await (const chunk of output) chunks.push(chunk);
  if (chunks.every((chunk) => typeof chunk === 'string')) return chunks.join('');
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

/** The demo snapshot plus a document whose coded span sits after an emoji and is a rare CJK character. */
export function withRareCharacters(snapshot: WorkspaceExport): WorkspaceExport {
  const points = Array.from(RARE_TEXT);
  const start = points.indexOf('𠀋');
  const end = start + '𠀋 rare'.length - 1; // '𠀋' is one code point, two UTF-16 units
  const analyst = snapshot.members.find((member) => member.role === 'editor') ?? snapshot.members[0]!;
  const documentId = 'ffffffff-0000-4000-8000-000000000001';
  const commenter = snapshot.members.find((member) => member.role === 'commenter') ?? analyst;
  const threadStart = points.indexOf('😀');
  const thread: WorkspaceExport['threads'][number] = {
    id: 'ffffffff-0000-4000-8000-000000000010',
    anchor: { kind: 'text', documentId, start: threadStart, end: threadStart + 6, quote: { exact: points.slice(threadStart, threadStart + 6).join(''), prefix: 'Preface ', suffix: ' 𠀋 rare' }, annotationId: null, tagId: null, mapId: null, elementId: null, evidenceId: null, label: 'Emoji 😀 and 𠀋' },
    orphaned: false,
    createdBy: commenter.id,
    createdAt: '2099-01-02T00:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    comments: [
      { id: 'ffffffff-0000-4000-8000-000000000011', authorId: commenter.id, body: 'Is the emoji <i>part</i> of the quote?', createdAt: '2099-01-02T00:00:00.000Z', editedAt: null, deletedAt: null },
      { id: 'ffffffff-0000-4000-8000-000000000012', authorId: analyst.id, body: 'Yes: offsets count code points.', createdAt: '2099-01-02T00:01:00.000Z', editedAt: null, deletedAt: null },
    ],
  };
  return {
    ...snapshot,
    threads: [...snapshot.threads, thread],
    notebook: { markdown: `${snapshot.notebook.markdown}\n# Field notes 😀\n\nThe rare 𠀋 stays one character. <script>alert(1)</script>\n`.trimStart() },
    documents: [
      ...snapshot.documents,
      { id: documentId, title: 'Emoji 😀 and 𠀋', source: null, author: null, publishedOn: null, url: null, language: 'en', fields: {}, sourceFilename: null, createdAt: '2099-01-01T00:00:00.000Z', text: RARE_TEXT, passages: [{ index: 0, start: 0, end: points.length }] },
    ],
    annotations: [
      ...snapshot.annotations,
      {
        id: 'ffffffff-0000-4000-8000-000000000003',
        documentId,
        start: points.indexOf('<'),
        end: points.indexOf('*') + '*stars*'.length,
        exact: points.slice(points.indexOf('<'), points.indexOf('*') + '*stars*'.length).join(''),
        prefix: 'pipe, ',
        suffix: '.\nSecond',
        tagIds: [snapshot.codebook.tags[1]!.id],
        memo: null,
        kind: 'analyst',
        analystId: analyst.id,
        createdAt: '2099-01-01T00:00:00.000Z',
        updatedAt: '2099-01-01T00:00:00.000Z',
      },
      {
        id: 'ffffffff-0000-4000-8000-000000000002',
        documentId,
        start,
        end,
        exact: points.slice(start, end).join(''),
        prefix: points.slice(Math.max(0, start - 8), start).join(''),
        suffix: points.slice(end, end + 8).join(''),
        tagIds: [snapshot.codebook.tags[0]!.id],
        memo: 'A memo, with "quotes" and a | pipe\nover two lines',
        kind: 'analyst',
        analystId: analyst.id,
        createdAt: '2099-01-01T00:00:00.000Z',
        updatedAt: '2099-01-01T00:00:00.000Z',
      },
    ],
  };
}

describe('export formats on the demo workspace', () => {
  let app: TestApp;
  let snapshot: WorkspaceExport;
  const serialize = async (id: string, options: Record<string, string> = {}) => collect(await findExportFormat(id)!.serialize(snapshot, options));

  beforeAll(async () => {
    app = await createTestApp();
    const { workspaceId } = await seedDemoWorkspace(app.dataSource);
    const loaded = await app.get(WorkspaceExportLoader).load(workspaceId);
    // The demo seed picks one of an actor's proposed affiliations in no fixed order (Yao Yuan has two): not the exports' concern.
    const actors = loaded.actors.map((actor) => ({ ...actor, affiliation: actor.affiliation && '(seeded affiliation)' }));
    snapshot = stableSnapshot(withRareCharacters({ ...loaded, actors }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('serialises to the golden file, format by format', async () => {
    for (const format of EXPORT_FORMATS) {
      const output = await collect(await format.serialize(snapshot, {}));
      // Binary formats (zip archives) carry their own round-trip tests.
      if (typeof output === 'string') await expectGolden(`demo.${format.id}.${format.extension}`, output);
    }
  });

  it('JSON: the snapshot itself, valid by the published schema', async () => {
    const parsed = WorkspaceExportSchema.parse(JSON.parse((await serialize('json')) as string));
    expect(parsed.annotations).toHaveLength(snapshot.annotations.length);
    expect(parsed.documents.some((document) => document.text === RARE_TEXT)).toBe(true);
  });

  it('CSV: one RFC 4180 row per annotation and tag, offsets in code points', async () => {
    const csv = (await serialize('csv')) as string;
    expect(csv.startsWith('document_title,')).toBe(true);
    expect(((await serialize('csv', { bom: '1' })) as string).startsWith('\uFEFFdocument_title,')).toBe(true);
    const rows = csv.split('\r\n').filter(Boolean);
    const expectedRows = snapshot.annotations.reduce((sum, annotation) => sum + annotation.tagIds.length, 0);
    // Memos may hold line breaks inside quotes, so count records, not lines.
    expect(parseCsv(csv)).toHaveLength(expectedRows + 1);
    expect(rows.length).toBeGreaterThanOrEqual(expectedRows + 1);
    const rare = parseCsv(csv).find((row) => row[4] === '𠀋 rare')!;
    expect(rare.slice(2, 5)).toEqual(['15', '21', '𠀋 rare']);
    expect(rare[9]).toBe('A memo, with "quotes" and a | pipe\nover two lines');
    expect(rare[5]).toContain(snapshot.codebook.tags[0]!.name);
  });

  it('Web Annotation: valid by the W3C model, selectors agreeing on the text in code points', async () => {
    const collection = JSON.parse((await serialize('web-annotation', { pageSize: '50' })) as string);
    const texts = new Map(snapshot.documents.map((document) => [`urn:uuid:${document.id}`, document.text]));
    expect(validateAnnotationCollection(collection, { texts })).toEqual([]);
    const comments = snapshot.threads.reduce((sum, thread) => sum + thread.comments.filter((comment) => !comment.deletedAt).length, 0);
    expect(collection.total).toBe(snapshot.annotations.length + comments);
    const rare = findItem(collection, '𠀋 rare');
    expect(rare.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '𠀋 rare', prefix: expect.any(String), suffix: expect.any(String) },
      { type: 'TextPositionSelector', start: 15, end: 21 },
    ]);
    expect(rare.body.map((body: { purpose: string }) => body.purpose)).toEqual(['tagging', 'commenting']);
    const opening = findItem(collection, '😀 then');
    expect(opening).toMatchObject({ motivation: 'commenting', body: { purpose: 'commenting', value: 'Is the emoji <i>part</i> of the quote?' } });
    expect(opening.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 8, end: 14 });
    const replies = [];
    for (let page = collection.first; page; page = page.next) replies.push(...page.items.filter((item: { motivation: string; target: unknown }) => item.motivation === 'replying' && item.target === opening.id));
    expect(replies).toEqual([expect.objectContaining({ target: opening.id, body: expect.objectContaining({ purpose: 'replying', value: 'Yes: offsets count code points.' }) })]);
    // The validator catches a selector that points at other text.
    rare.target.selector[1].start = 14;
    expect(validateAnnotationCollection(collection, { texts }).join()).toMatch(/select different text/);
  });

  it('Markdown: sections in order, selectable, citing document, passage and analyst', async () => {
    const report = (await serialize('markdown')) as string;
    const headings = report.split('\n').filter((line) => /^## /.test(line));
    expect(headings).toEqual(['## Corpus', '## Codebook', '## Coded passages', '## Agreement between analysts', '## Argument maps', '## Notebook', '## Discussion']);
    expect(report).toContain('```mermaid\nflowchart BT');
    expect(report).toContain('#### ACH matrix');
    expect(report).toMatch(/> — Emoji 😀 and 𠀋, passage 1, coded by /);
    expect(report).toContain('&lt;b>bold&lt;/b>');
    expect(report).toContain('### Field notes 😀');
    expect(report).toMatch(/### Open threads \(\d+\)\n/);
    expect(report).toMatch(/#### Emoji 😀 and 𠀋\n\n> 😀 then\n\n- \*\*.+\*\*, \d{4}-\d\d-\d\d: Is the emoji &lt;i>part&lt;\/i> of the quote\?/);
    expect(await serialize('markdown')).toBe(report);
    const some = (await serialize('markdown', { sections: 'codebook,threads' })) as string;
    expect(some.split('\n').filter((line) => /^## /.test(line))).toEqual(['## Codebook', '## Discussion']);
  });

  it('HTML: one self-contained page without markup from the workspace', async () => {
    const html = (await serialize('html')) as string;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|<b>bold|<i>part/i);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toMatch(/<h2[^>]*>Codebook<\/h2>/);
  });
});

function findItem(collection: any, exact: string): any {
  for (let page = collection.first; page; page = page.next) {
    const item = page.items.find((candidate: any) => candidate.target?.selector?.[0]?.exact === exact);
    if (item) return item;
  }
  throw new Error(`no annotation of ${exact}`);
}

/** A strict RFC 4180 reader for the test (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += char;
  }
  if (field || record.length) {
    endField();
    records.push(record);
  }
  return records;
}
