import { describe, expect, it } from '@jest/globals';
import yazl from 'yazl';
import { IMPORT_LIMITS } from '@marginalia/shared';
import { sampleExport } from '../../../../test/fixtures/exports/sample-export.js';
import { collectOutput } from '../formats/collect-output.js';
import { writeQdc } from '../formats/qdpx/qdc.format.js';
import { readRefiQdaFile } from './refi-qda-sandbox.js';

const LIMITS = { deadlineMs: 20_000, maxHeapMb: 256 };

async function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(content, name);
  zip.end();
  return await collectOutput(zip.outputStream as AsyncIterable<Uint8Array>);
}

describe('reading REFI-QDA uploads in a worker', () => {
  it('reads a codebook off the main thread', async () => {
    const project = await readRefiQdaFile({ kind: 'qdc', content: Buffer.from(writeQdc(sampleExport())) }, LIMITS);
    expect(project.codes.map((code) => code.name)).toEqual(['Greeting', 'Wave', 'Place <&>']);
  });

  it('refuses a project.qde that unpacks past the per-file limit (a ZIP bomb) without inflating the rest', async () => {
    const bomb = await zipOf({ 'project.qde': Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readRefiQdaFile({ kind: 'qdpx', content: bomb }, LIMITS)).rejects.toThrow(/unpacks to more than 20 MB/);
  });

  it('refuses an archive without project.qde, and a file that is no archive at all', async () => {
    await expect(readRefiQdaFile({ kind: 'qdpx', content: await zipOf({ 'notes.txt': Buffer.from('hello') }) }, LIMITS)).rejects.toThrow(/no project.qde/);
    await expect(readRefiQdaFile({ kind: 'qdpx', content: Buffer.from('not a zip') }, LIMITS)).rejects.toThrow(/not a ZIP/);
  });

  it('stops a read that overruns its deadline and says so', async () => {
    const xml = `<CodeBook><Codes>${'<Code guid="00000000-0000-4000-8000-000000000001" name="x" isCodable="true"/>'.repeat(200_000)}</Codes></CodeBook>`;
    await expect(readRefiQdaFile({ kind: 'qdc', content: Buffer.from(xml) }, { deadlineMs: 1, maxHeapMb: 256 })).rejects.toThrow(/took too long/);
  });
});
