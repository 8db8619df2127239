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

/**
 * Counts of unit patterns (which analysts coded the unit, which of them applied the tag). With
 * few analysts the 4^n possible patterns fit a dense array, far cheaper than a Map on the hot
 * path (one add per passage and tag); beyond that, a Map.
 */
export class Patterns {
  private readonly dense: Float64Array | null;
  private readonly touched: number[] = [];
  private readonly sparse = new Map<number, number>();

  constructor(private readonly analystCount: number) {
    this.dense = analystCount <= DENSE_MAX_ANALYSTS ? new Float64Array(4 ** analystCount) : null;
  }

  add(covered: number, applied: number, weight: number): void {
    if (this.dense) {
      const key = covered * 2 ** this.analystCount + applied;
      if (this.dense[key] === 0) this.touched.push(key);
      this.dense[key]! += weight;
    } else {
      const key = covered * SHIFT + applied;
      this.sparse.set(key, (this.sparse.get(key) ?? 0) + weight);
    }
  }

  addAll(other: Patterns): void {
    for (const unit of other.units()) this.add(unit.covered, unit.applied, unit.weight);
  }

  units(): { covered: number; applied: number; weight: number }[] {
    if (this.dense) {
      const width = 2 ** this.analystCount;
      return this.touched.map((key) => ({ covered: Math.floor(key / width), applied: key % width, weight: this.dense![key]! }));
    }
    return [...this.sparse].map(([key, weight]) => ({ covered: Math.floor(key / SHIFT), applied: key % SHIFT, weight }));
  }
}

const DENSE_MAX_ANALYSTS = 8;
const MASK_BITS = 21;
const SHIFT = 2 ** MASK_BITS;
export const MAX_COMPARED_ANALYSTS = MASK_BITS - 1;

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
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
  for (const { covered, applied, weight } of patterns.units()) {
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
  for (const { covered, applied, weight } of patterns.units()) {
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

  const overallPatterns = new Patterns(analystCount);
  const tags: TagComparison[] = [];
  for (let tag = 0; tag < tagCount; tag += 1) {
    const passagePatterns = new Patterns(analystCount);
    const characterPatterns = new Patterns(analystCount);
    const row = applied[tag]!;
    for (let d = 0; d < documents.length; d += 1) {
      const mask = covered[d]!;
      if (mask === 0) continue;
      const base = passageOffset[d]!;
      const end = base + documents[d]!.passages.length;
      for (let p = base; p < end; p += 1) passagePatterns.add(mask, row[p]! & mask, 1);
      addCharacterPatterns(characterPatterns, mask, documents[d]!.length, byTagAndDocument.get(tag * documents.length + d) ?? []);
    }
    overallPatterns.addAll(passagePatterns);
    const passagesCoded = new Array<number>(analystCount).fill(0);
    for (const unit of passagePatterns.units()) for (let analyst = 0; analyst < analystCount; analyst += 1) if (unit.applied & (2 ** analyst)) passagesCoded[analyst]! += unit.weight;
    tags.push({ passagesCoded, passages: figuresFromPatterns(passagePatterns, analystCount), characters: characterFigures(characterPatterns, analystCount) });
  }
  return { passages: passageCount, overall: figuresFromPatterns(overallPatterns, analystCount), tags };
}

/**
 * Sweeps one document's spans of one tag: each stretch of text counts its length once. Events
 * are packed into one number (offset * 64 + analyst * 2 + start?) and sorted as a typed array.
 */
function addCharacterPatterns(patterns: Patterns, mask: number, length: number, spans: readonly CodedSpan[]): void {
  const events = new Float64Array(spans.length * 2);
  let count = 0;
  for (const span of spans) {
    if ((mask & (2 ** span.analyst)) === 0) continue;
    events[count++] = span.start * 64 + span.analyst * 2 + 1;
    events[count++] = span.end * 64 + span.analyst * 2;
  }
  const sorted = events.subarray(0, count).sort();
  const depth = new Int32Array(MASK_BITS);
  let current = 0;
  let position = 0;
  for (const event of sorted) {
    const offset = Math.floor(event / 64);
    const analyst = Math.floor((event % 64) / 2);
    if (offset > position) patterns.add(mask, current, offset - position);
    position = Math.max(position, offset);
    depth[analyst]! += event % 2 === 1 ? 1 : -1;
    if (depth[analyst]! > 0) current |= 2 ** analyst;
    else current &= ~(2 ** analyst);
  }
  if (length > position) patterns.add(mask, 0, length - position);
}
