// A reproducible synthetic corpus: documents of English-like paragraphs (Zipf-distributed
// words, names, punctuation, one paragraph per line as scraped news is) and search queries
// drawn from the same vocabulary at mixed frequencies.
import { FIRST_NAMES, FUNCTION_WORDS, SURNAMES, buildVocabulary } from './vocabulary.mjs';

/** mulberry32: small, fast, seedable; Math.random cannot be replayed. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
function zipfSampler(n, exponent, random) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const pick = (list, random) => list[Math.floor(random() * list.length)];
const capitalise = (word) => word[0].toUpperCase() + word.slice(1);

export class SyntheticCorpus {
  constructor({ seed = 42, vocabularySize = 30_000 } = {}) {
    this.random = seededRandom(seed);
    this.vocabulary = buildVocabulary(vocabularySize, this.random);
    this.nextRank = zipfSampler(this.vocabulary.length, 1.05, this.random);
    this.stopWords = new Set(FUNCTION_WORDS);
  }

  sentence() {
    const random = this.random;
    const length = 6 + Math.floor(random() * 20);
    const words = [];
    for (let i = 0; i < length; i += 1) {
      if (random() < 0.03) words.push(`${pick(FIRST_NAMES, random)} ${pick(SURNAMES, random)}`);
      else words.push(this.vocabulary[this.nextRank()]);
      if (i > 2 && i < length - 2 && random() < 0.08) words[words.length - 1] += ',';
    }
    words[0] = capitalise(words[0]);
    const end = random() < 0.9 ? '.' : random() < 0.5 ? '?' : '!';
    const text = words.join(' ') + end;
    return random() < 0.1 ? `“${text}”` : text;
  }

  paragraph() {
    const sentences = 1 + Math.floor(this.random() * 3);
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }

  /** One document of about `bytes` UTF-8 bytes: a title line, then paragraphs, one per line. */
  document(index, bytes) {
    const title = `Report ${index + 1}: ${capitalise(this.vocabulary[50 + this.nextRank()] ?? 'notes')} and ${this.vocabulary[50 + this.nextRank()] ?? 'more'}`;
    const lines = [title];
    let size = Buffer.byteLength(title);
    while (size < bytes) {
      const paragraph = this.paragraph();
      lines.push(paragraph);
      size += Buffer.byteLength(paragraph) + 1;
    }
    return { name: `report-${String(index + 1).padStart(4, '0')}.txt`, text: lines.join('\n') };
  }

  /** `count` documents of 5-50 KB each. */
  documents(count, offset = 0) {
    return Array.from({ length: count }, (_, i) => this.document(offset + i, 5_000 + Math.floor(this.random() * 45_000)));
  }

  /**
   * A content word from one of three frequency bands, so that a third of the queries match
   * many passages, a third some, a third few.
   */
  contentWord(band) {
    const bands = { frequent: [0, 400], middle: [400, 4_000], rare: [4_000, this.vocabulary.length] };
    const [from, to] = bands[band];
    for (;;) {
      const word = this.vocabulary[from + Math.floor(this.random() * (to - from))];
      if (!this.stopWords.has(word) && word.length >= 4) return word;
    }
  }

  /** Single words, prefixes and phrases (2-3 consecutive words taken from the corpus itself). */
  queries(perKind, sampleTexts) {
    const bands = ['frequent', 'middle', 'rare'];
    const words = Array.from({ length: perKind }, (_, i) => this.contentWord(bands[i % 3]));
    const prefixes = Array.from({ length: perKind }, (_, i) => {
      const word = this.contentWord(bands[i % 3]);
      return word.slice(0, Math.min(word.length, 3 + Math.floor(this.random() * 4)));
    });
    const phrases = Array.from({ length: perKind }, () => this.phraseFrom(pick(sampleTexts, this.random)));
    return { words, prefixes, phrases };
  }

  /** Adjacent plain words of a text (no punctuation between them), not all stop words. */
  phraseFrom(text) {
    const tokens = text.split(/\s+/);
    for (;;) {
      const start = Math.floor(this.random() * (tokens.length - 3));
      const phrase = tokens.slice(start, start + 2 + Math.floor(this.random() * 2));
      if (phrase.every((word) => /^[a-z]+$/.test(word)) && phrase.some((word) => !this.stopWords.has(word))) return phrase.join(' ');
    }
  }
}
