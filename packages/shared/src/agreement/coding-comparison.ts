/**
 * Compares how analysts coded the same documents, per tag: at passage level (a tag applies to a
 * passage for an analyst when one of their spans with that tag overlaps it) and at character
 * level (as NVivo's coding comparison). An analyst with no span at all in a document has not
 * coded it: missing data there, not "no tag".
 *
 * Each unit is reduced to a pattern (which analysts coded the document, which of them applied
 * the tag), and identical patterns are counted once with their multiplicity; the coefficients
 * of ./statistics.ts then run on a few hundred weighted units however large the corpus.
 */
import { cohensKappa, fleissKappa, krippendorffAlphaNominal, percentAgreement, type ReliabilityUnit } from './statistics.js';

export interface ComparedDocument {
  /** Length of the text in code points. */
  length: number;
  /** Passages in text order, code points, end exclusive. */
  passages: readonly { start: number; end: number }[];
}

export interface CodedSpan {
  /** Index into `analysts`. */
  analyst: number;
  /** Index into `documents`. */
  document: number;
  /** Index into `tags`, or -1 for a tag not compared (it still shows the analyst coded the document). */
  tag: number;
  start: number;
  end: number;
}

export interface ComparisonInput {
  analystCount: number;
  documents: readonly ComparedDocument[];
  tagCount: number;
  spans: readonly CodedSpan[];
}

export interface Figures {
  units: number;
  completeUnits: number;
  percentAgreement: number | null;
  cohensKappa: number | null;
  fleissKappa: number | null;
  krippendorffAlpha: number | null;
}

export interface CharacterFigures {
  characters: number;
  agreedCoded: number;
  agreedUncoded: number;
  percentAgreement: number | null;
  kappa: number | null;
}

export interface TagComparison {
  passagesCoded: number[];
  passages: Figures;
  characters: CharacterFigures;
}

export interface ComparisonResult {
  passages: number;
  overall: Figures;
  tags: TagComparison[];
}

/** Patterns: key = coveredMask * 2^MASK_BITS + appliedMask, value = how many units. */
type Patterns = Map<number, number>;
const MASK_BITS = 21;
const SHIFT = 2 ** MASK_BITS;
export const MAX_COMPARED_ANALYSTS = MASK_BITS - 1;

function addPattern(patterns: Patterns, covered: number, applied: number, weight: number): void {
  const key = covered * SHIFT + applied;
  patterns.set(key, (patterns.get(key) ?? 0) + weight);
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

function unitsOf(patterns: Patterns): { covered: number; applied: number; weight: number }[] {
  return [...patterns].map(([key, weight]) => ({ covered: Math.floor(key / SHIFT), applied: key % SHIFT, weight }));
}

/** The four coefficients over pattern counts (binary values: tag applied or not). */
export function figuresFromPatterns(patterns: Patterns, analystCount: number): Figures {
  const full = 2 ** analystCount - 1;
  const reliability: ReliabilityUnit[] = [];
  const fleissRows: number[][] = [];
  const fleissWeights: number[] = [];
  const table = [
    [0, 0],
    [0, 0],
  ];
  let units = 0;
  let completeUnits = 0;
  for (const { covered, applied, weight } of unitsOf(patterns)) {
    if (bitCount(covered) < 2) continue;
    units += weight;
    const values: (number | null)[] = [];
    for (let analyst = 0; analyst < analystCount; analyst += 1) {
      const bit = 2 ** analyst;
      values.push((covered & bit) === 0 ? null : (applied & bit) === 0 ? 0 : 1);
    }
    reliability.push({ values, weight });
    if (covered !== full) continue;
    completeUnits += weight;
    const yes = bitCount(applied);
    fleissRows.push([analystCount - yes, yes]);
    fleissWeights.push(weight);
    if (analystCount === 2) table[applied & 1]![(applied >> 1) & 1]! += weight;
  }
  return {
    units,
    completeUnits,
    percentAgreement: percentAgreement(reliability),
    cohensKappa: analystCount === 2 ? cohensKappa(table) : null,
    fleissKappa: fleissKappa(fleissRows, fleissWeights),
    krippendorffAlpha: krippendorffAlphaNominal(reliability),
  };
}

function characterFigures(patterns: Patterns, analystCount: number): CharacterFigures {
  const figures = figuresFromPatterns(patterns, analystCount);
  let agreedCoded = 0;
  let agreedUncoded = 0;
  for (const { covered, applied, weight } of unitsOf(patterns)) {
    if (bitCount(covered) < 2) continue;
    if (applied === 0) agreedUncoded += weight;
    else if (applied === covered) agreedCoded += weight;
  }
  return {
    characters: figures.units,
    agreedCoded,
    agreedUncoded,
    percentAgreement: figures.percentAgreement,
    kappa: analystCount === 2 ? figures.cohensKappa : figures.fleissKappa,
  };
}

/** First passage whose end is after `offset` (passages sorted, not overlapping). */
function firstPassageEndingAfter(passages: readonly { start: number; end: number }[], offset: number): number {
  let low = 0;
  let high = passages.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (passages[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function compareCoding(input: ComparisonInput): ComparisonResult {
  const { analystCount, documents, tagCount, spans } = input;
  if (analystCount > MAX_COMPARED_ANALYSTS) throw new Error(`at most ${MAX_COMPARED_ANALYSTS} analysts can be compared at once`);
  const covered = new Array<number>(documents.length).fill(0);
  const passageOffset: number[] = [];
  let passageCount = 0;
  for (const document of documents) {
    passageOffset.push(passageCount);
    passageCount += document.passages.length;
  }
  for (const span of spans) covered[span.document]! |= 2 ** span.analyst;

  // applied[tag][passage]: analysts whose spans with the tag overlap the passage.
  const applied = Array.from({ length: tagCount }, () => new Int32Array(passageCount));
  const byTagAndDocument = new Map<number, CodedSpan[]>();
  for (const span of spans) {
    if (span.tag < 0) continue;
    const passages = documents[span.document]!.passages;
    const row = applied[span.tag]!;
    const base = passageOffset[span.document]!;
    for (let p = firstPassageEndingAfter(passages, span.start); p < passages.length && passages[p]!.start < span.end; p += 1) row[base + p]! |= 2 ** span.analyst;
    const key = span.tag * documents.length + span.document;
    const group = byTagAndDocument.get(key);
    if (group) group.push(span);
    else byTagAndDocument.set(key, [span]);
  }

  const overallPatterns: Patterns = new Map();
  const tags: TagComparison[] = [];
  for (let tag = 0; tag < tagCount; tag += 1) {
    const passagePatterns: Patterns = new Map();
    const characterPatterns: Patterns = new Map();
    const passagesCoded = new Array<number>(analystCount).fill(0);
    const row = applied[tag]!;
    documents.forEach((document, d) => {
      const mask = covered[d]!;
      if (mask === 0) return;
      const base = passageOffset[d]!;
      for (let p = 0; p < document.passages.length; p += 1) {
        const yes = row[base + p]! & mask;
        addPattern(passagePatterns, mask, yes, 1);
        for (let analyst = 0; analyst < analystCount; analyst += 1) if (yes & (2 ** analyst)) passagesCoded[analyst]! += 1;
      }
      addCharacterPatterns(characterPatterns, mask, document.length, byTagAndDocument.get(tag * documents.length + d) ?? []);
    });
    for (const [key, weight] of passagePatterns) overallPatterns.set(key, (overallPatterns.get(key) ?? 0) + weight);
    tags.push({ passagesCoded, passages: figuresFromPatterns(passagePatterns, analystCount), characters: characterFigures(characterPatterns, analystCount) });
  }
  return { passages: passageCount, overall: figuresFromPatterns(overallPatterns, analystCount), tags };
}

/** Sweeps one document's spans of one tag: each stretch of text counts its length once. */
function addCharacterPatterns(patterns: Patterns, mask: number, length: number, spans: readonly CodedSpan[]): void {
  const events: [number, number, number][] = [];
  for (const span of spans) {
    if ((mask & (2 ** span.analyst)) === 0) continue;
    events.push([span.start, span.analyst, 1], [span.end, span.analyst, -1]);
  }
  events.sort((a, b) => a[0] - b[0]);
  const depth = new Int32Array(MASK_BITS);
  let current = 0;
  let position = 0;
  for (const [offset, analyst, change] of events) {
    if (offset > position) addPattern(patterns, mask, current, offset - position);
    position = Math.max(position, offset);
    depth[analyst]! += change;
    if (depth[analyst]! > 0) current |= 2 ** analyst;
    else current &= ~(2 ** analyst);
  }
  if (length > position) addPattern(patterns, mask, 0, length - position);
}
