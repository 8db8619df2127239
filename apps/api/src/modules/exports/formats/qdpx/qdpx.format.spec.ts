import { describe, expect, it } from '@jest/globals';
import { sampleExport, SAMPLE_IDS, EMOJI_TEXT } from '../../../../../test/fixtures/exports/sample-export.js';
import { REFI_CODEBOOK_XSD, schemaErrors } from '../../../../../test/fixtures/exports/xmllint.js';
import { ZipArchive } from '../../../imports/extract/zip.js';
import { collectOutput } from '../collect-output.js';
import { guidOf } from './guid.js';
import { qdcExportFormat } from './qdc.format.js';
import { qdpxExportFormat } from './qdpx.format.js';

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const archive = await ZipArchive.open(bytes);
  const files = new Map<string, Buffer>();
  for (const entry of archive.entries) files.set(entry.path, await archive.read(entry));
  archive.close();
  return files;
}

describe('REFI-QDA project export (.qdpx)', () => {
  it('writes a project.qde that validates against the REFI-QDA project schema', async () => {
    const files = await unzip(await collectOutput(qdpxExportFormat.serialize(sampleExport(), {})));
    const qde = files.get('project.qde');
    expect(qde).toBeDefined();
    expect(await schemaErrors(qde!)).toBe('');
  });

  it('writes a .qdc that validates against the REFI-QDA codebook schema', async () => {
    const qdc = await collectOutput(qdcExportFormat.serialize(sampleExport(), {}));
    expect(await schemaErrors(qdc, REFI_CODEBOOK_XSD)).toBe('');
    // The schema check can fail: a code without its required name is refused.
    expect(await schemaErrors(qdc.toString('utf8').replace(' name="Wave"', ''), REFI_CODEBOOK_XSD)).toMatch(/name/);
  });

  it('puts each text in sources/<guid>.txt as UTF-8, referenced by its TextSource', async () => {
    const files = await unzip(await collectOutput(qdpxExportFormat.serialize(sampleExport(), {})));
    expect([...files.keys()].sort()).toEqual(['project.qde', `sources/${SAMPLE_IDS.docEmoji}.txt`, `sources/${SAMPLE_IDS.docPlain}.txt`].sort());
    expect(files.get(`sources/${SAMPLE_IDS.docEmoji}.txt`)!.toString('utf8')).toBe(EMOJI_TEXT);
    expect(files.get('project.qde')!.toString('utf8')).toContain(`plainTextPath="internal://${SAMPLE_IDS.docEmoji}.txt"`);
  });

  it('counts selection positions in code points, so emoji and U+2000B are one character each', async () => {
    const qde = (await unzip(await collectOutput(qdpxExportFormat.serialize(sampleExport(), {})))).get('project.qde')!.toString('utf8');
    const positions = (guid: string): [number, number] => {
      const match = new RegExp(`<PlainTextSelection guid="${guid}"[^>]*startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde);
      return [Number(match![1]), Number(match![2])];
    };
    const characters = [...EMOJI_TEXT];
    const [emojiStart, emojiEnd] = positions(guidOf(SAMPLE_IDS.annEmoji));
    expect(characters.slice(emojiStart, emojiEnd).join('')).toBe('😀 hello');
    const [cjkStart, cjkEnd] = positions(guidOf(SAMPLE_IDS.annCjk));
    expect(characters.slice(cjkStart, cjkEnd).join('')).toBe('𠀋 world');
  });

  it('escapes markup and drops characters XML cannot carry', async () => {
    const qde = (await unzip(await collectOutput(qdpxExportFormat.serialize(sampleExport(), {})))).get('project.qde')!.toString('utf8');
    expect(qde).toContain('name="Sample &lt;workspace&gt; &amp; &quot;quotes&quot;"');
    expect(qde).toContain('Memo with &lt;b&gt;tags&lt;/b&gt; &amp; a bell\uFFFD.');
    expect(qde).not.toContain('\u0007');
  });

  it('gives the same bytes for the same snapshot', async () => {
    const first = await collectOutput(qdpxExportFormat.serialize(sampleExport(), {}));
    const second = await collectOutput(qdpxExportFormat.serialize(sampleExport(), {}));
    expect(first.equals(second)).toBe(true);
  });
});
