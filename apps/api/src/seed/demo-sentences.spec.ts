/**
 * Every sentence boundary of the five demo articles, against a reviewed golden file: a change
 * to segmentation shows up here as a readable diff. UPDATE_GOLDEN=1 rewrites the file (review
 * the diff before committing it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { normalizeText, OffsetMap, segmentPassages } from '@marginalia/shared';
import { loadDemoSeed, SEEDS_DIR } from './demo-seed.js';

const GOLDEN = path.resolve(import.meta.dirname, '../../test/fixtures/demo-sentences.golden.txt');

/** One line per sentence: passage and sentence numbers (from 1, as the reader shows them), code point span, text. */
async function listSentences(): Promise<string> {
  const seed = await loadDemoSeed();
  const lines: string[] = [];
  for (const document of seed.documents) {
    const text = normalizeText(await readFile(path.join(SEEDS_DIR, document.file), 'utf8'));
    const offsets = new OffsetMap(text);
    lines.push(`## ${path.basename(document.file)}: ${document.title}`);
    for (const passage of segmentPassages(text, 'en')) {
      passage.sentences.forEach((sentence, i) => {
        lines.push(`p${passage.index + 1}.s${i + 1} [${sentence.start}, ${sentence.end}) ${offsets.slice(sentence.start, sentence.end)}`);
      });
    }
    lines.push('');
  }
  return lines.join('\n');
}

describe('sentences of the demo articles', () => {
  it('match the reviewed golden file', async () => {
    const actual = await listSentences();
    if (process.env.UPDATE_GOLDEN) await writeFile(GOLDEN, actual);
    expect(actual).toBe(await readFile(GOLDEN, 'utf8'));
  });
});
