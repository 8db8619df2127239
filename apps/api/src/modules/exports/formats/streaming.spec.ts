/**
 * The streamed serializers write, chunk by chunk, exactly what printing the whole would write
 * (the golden files pin that form on the demo workspace; this checks it on a workspace big
 * enough for many chunks and many Web Annotation pages), and no chunk is much larger than
 * CHUNK_SIZE: memory holds a chunk, not the file.
 */
import { describe, expect, it } from '@jest/globals';
import { WorkspaceExportSchema, type WorkspaceExport } from '@marginalia/shared';
import { sampleExport } from '../../../../test/fixtures/exports/sample-export.js';
import { CHUNK_SIZE } from './chunks.js';
import { htmlReport } from './html-report.format.js';
import { jsonExportFormat } from './json.format.js';
import { markdownReport, markdownReportBlocks, markdownReportExportFormat } from './markdown-report.format.js';
import { webAnnotationExportFormat } from './web-annotation.format.js';

/** The sample workspace with its annotations copied until there are `count`. */
function bigExport(count: number): WorkspaceExport {
  const sample = sampleExport();
  const annotations = Array.from({ length: count }, (_, i) => {
    const base = sample.annotations[i % sample.annotations.length]!;
    return { ...base, id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, memo: i % 3 === 0 ? `Memo ${i} with "quotes"\nand a line.` : base.memo };
  });
  return { ...sample, annotations };
}

async function chunksOf(output: unknown): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of output as AsyncIterable<string>) chunks.push(chunk);
  return chunks;
}

describe('streamed exports', () => {
  const snapshot = bigExport(6000);

  it('JSON: the schema-checked snapshot as JSON.stringify prints it, in chunks', async () => {
    const chunks = await chunksOf(jsonExportFormat.serialize(snapshot, {}));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(CHUNK_SIZE + 4096);
    expect(chunks.join('')).toBe(`${JSON.stringify(WorkspaceExportSchema.parse(snapshot), null, 2)}\n`);
  });

  it('JSON: empty lists print as [] and a field the schema does not know is left out', async () => {
    const small = { ...sampleExport(), annotations: [], threads: [], extra: 'not in the format' } as WorkspaceExport;
    const text = (await chunksOf(jsonExportFormat.serialize(small, {}))).join('');
    expect(text).toBe(`${JSON.stringify(WorkspaceExportSchema.parse(small), null, 2)}\n`);
    expect(text).toContain('"annotations": []');
  });

  it('Web Annotation: pages chained by embedded `next`, printed as JSON.stringify would print the whole', async () => {
    const chunks = await chunksOf(webAnnotationExportFormat.serialize(snapshot, { pageSize: '700' }));
    const text = chunks.join('');
    const collection = JSON.parse(text) as { total: number; first: { items: { id: string }[]; startIndex: number; next?: unknown } };
    expect(text).toBe(`${JSON.stringify(collection, null, 2)}\n`);
    const pages: { items: { id: string }[]; startIndex: number }[] = [];
    for (let page: any = collection.first; page; page = page.next) pages.push(page);
    expect(collection.total).toBe(6000 + snapshot.threads.length);
    expect(pages.map((page) => page.startIndex)).toEqual(Array.from({ length: Math.ceil(collection.total / 700) }, (_, i) => i * 700));
    expect(pages.flatMap((page) => page.items).map((item) => item.id)).toEqual([...snapshot.annotations.map((a) => `urn:uuid:${a.id}`), ...snapshot.threads.map((t) => `urn:uuid:${t.comments[0]!.id}`)]);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(CHUNK_SIZE + 4096);
  });

  it('Web Annotation: an empty workspace is one empty page', async () => {
    const empty = { ...sampleExport(), annotations: [], threads: [] };
    const collection = JSON.parse((await chunksOf(webAnnotationExportFormat.serialize(empty, {}))).join(''));
    expect(collection).toMatchObject({ total: 0, first: { type: 'AnnotationPage', startIndex: 0, items: [] } });
    expect(collection.first.next).toBeUndefined();
  });

  it('Markdown and HTML: the report written piece by piece is the report written whole', async () => {
    const chunks = await chunksOf(markdownReportExportFormat.serialize(snapshot, {}));
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(CHUNK_SIZE + 4096);
    const whole = markdownReport(snapshot, {});
    expect(chunks.join('')).toBe(whole);
    // Rendered from the whole Markdown at once, and from its pieces group by group: the same page.
    expect([...htmlReport(markdownReportBlocks(snapshot, {}), 'Sample')].join('')).toBe([...htmlReport([whole], 'Sample')].join(''));
  });
});
