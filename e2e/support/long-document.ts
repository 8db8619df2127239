/**
 * A reproducible long document for the reader at scale: `passages` paragraphs (one per line,
 * as scraped reports are) of varied length, `characters` code points in all, and a marker word
 * in a known set of passages so that Find has an exact expected count.
 */

import { seededRandom } from './seeded-random.js';

const WORDS = (
  'the of and to in a is that for on as with by was at from ministry security state national agency report campaign public ' +
  'officials espionage foreign citizens propaganda law article according said province government party media analysts ' +
  'counter mobilisation cases training education volunteers informants rewards hotline posters schools universities ' +
  'companies researchers journalists travel data networks overseas students warnings guidance regulations'
).split(' ');

/** Appears in about two passages of three, never in the first words of a passage. */
export const FIND_MARKER = 'lighthouse';

export interface LongDocument {
  text: string;
  passages: number;
  /** Passages (numbered from 1) that contain FIND_MARKER. */
  markerPassages: number[];
}

export function longDocument(passages: number, characters: number, seed = 2026): LongDocument {
  const random = seededRandom(seed);
  const average = (characters - (passages - 1)) / passages;
  const lengths = Array.from({ length: passages }, () => Math.max(60, Math.round(average * (0.35 + random() * 1.3))));
  // Scale to the exact total (newlines between passages count).
  const scale = (characters - (passages - 1)) / lengths.reduce((sum, length) => sum + length, 0);
  const target = lengths.map((length) => Math.max(60, Math.floor(length * scale)));
  target[passages - 1]! += characters - (passages - 1) - target.reduce((sum, length) => sum + length, 0);
  const markerPassages: number[] = [];
  const lines = target.map((length, index) => {
    const withMarker = random() < 0.69;
    if (withMarker) markerPassages.push(index + 1);
    return paragraph(length, withMarker, index + 1, random);
  });
  return { text: lines.join('\n'), passages, markerPassages };
}

function paragraph(length: number, withMarker: boolean, number: number, random: () => number): string {
  let text = `Paragraph ${String(number)} opens here`;
  let sinceStop = 4;
  while (text.length < length) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    sinceStop += 1;
    const stop = sinceStop > 8 && random() < 0.12;
    text += stop ? `. ${word[0]!.toUpperCase()}${word.slice(1)}` : ` ${word}`;
    if (stop) sinceStop = 0;
  }
  text = text.slice(0, length - 1).trimEnd();
  if (withMarker) {
    const cut = text.lastIndexOf(' ', Math.floor(text.length / 2));
    text = `${text.slice(0, cut)} ${FIND_MARKER}${text.slice(cut)}`.slice(0, length - 1);
  }
  // Pad to the exact length with a final word, then a full stop.
  while (text.length < length - 1) text += 'a';
  return `${text}.`;
}
