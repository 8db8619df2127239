/**
 * Inter-coder agreement coefficients, as published: percent agreement, Cohen's kappa (1960),
 * Fleiss' kappa (1971) and Krippendorff's alpha for nominal data with missing values
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011). Pure functions over
 * counts, so the passage- and character-level comparisons reuse exactly these. Each returns
 * null where the coefficient is undefined (no pairable value, or no variation at all).
 * Units may carry a weight: identical units are counted once with their multiplicity.
 */

export type Category = string | number;

/** One unit of analysis: the value each coder gave (null = missing), counted `weight` times. */
export interface ReliabilityUnit {
  values: readonly (Category | null)[];
  weight?: number;
}

/** Reliability data as Krippendorff prints it: one row per coder, one column per unit. */
export function unitsFromCoderRows(rows: readonly (readonly (Category | null)[])[]): ReliabilityUnit[] {
  const unitCount = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: unitCount }, (_unused, unit) => ({ values: rows.map((row) => row[unit] ?? null) }));
}

/** Share of units (with at least two values) on which every coder who coded it gave the same value. */
export function percentAgreement(units: readonly ReliabilityUnit[]): number | null {
  let pairable = 0;
  let agreed = 0;
  for (const unit of units) {
    const present = unit.values.filter((value) => value !== null);
    if (present.length < 2) continue;
    const weight = unit.weight ?? 1;
    pairable += weight;
    if (present.every((value) => value === present[0])) agreed += weight;
  }
  return pairable === 0 ? null : agreed / pairable;
}

/** Cohen's kappa from a k x k table: rows are coder A's categories, columns coder B's. */
export function cohensKappa(table: readonly (readonly number[])[]): number | null {
  const k = table.length;
  let total = 0;
  let diagonal = 0;
  const rowSums = new Array<number>(k).fill(0);
  const columnSums = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i += 1) {
    const row = table[i]!;
    if (row.length !== k) throw new Error('cohensKappa needs a square table');
    for (let j = 0; j < k; j += 1) {
      const cell = row[j]!;
      total += cell;
      rowSums[i]! += cell;
      columnSums[j]! += cell;
      if (i === j) diagonal += cell;
    }
  }
  if (total === 0) return null;
  const observed = diagonal / total;
  let expected = 0;
  for (let i = 0; i < k; i += 1) expected += (rowSums[i]! / total) * (columnSums[i]! / total);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Fleiss' kappa: `counts[i][j]` raters put subject i in category j; every subject has the same
 * number of ratings. `weights[i]` counts subject i that many times.
 */
export function fleissKappa(counts: readonly (readonly number[])[], weights?: readonly number[]): number | null {
  if (counts.length === 0) return null;
  const raters = counts[0]!.reduce((sum, count) => sum + count, 0);
  if (raters < 2) return null;
  const categories = counts[0]!.length;
  const categoryTotals = new Array<number>(categories).fill(0);
  let subjects = 0;
  let agreementSum = 0;
  counts.forEach((row, i) => {
    const weight = weights?.[i] ?? 1;
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < categories; j += 1) {
      const count = row[j] ?? 0;
      sum += count;
      squares += count * count;
      categoryTotals[j]! += weight * count;
    }
    if (sum !== raters) throw new Error('fleissKappa needs the same number of ratings for every subject');
    subjects += weight;
    agreementSum += (weight * (squares - raters)) / (raters * (raters - 1));
  });
  if (subjects === 0) return null;
  const observed = agreementSum / subjects;
  let expected = 0;
  for (const total of categoryTotals) expected += (total / (subjects * raters)) ** 2;
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/** Krippendorff's alpha for nominal values; units with fewer than two values are not pairable. */
export function krippendorffAlphaNominal(units: readonly ReliabilityUnit[]): number | null {
  // Coincidences: o[c][k] sums, over units, the ordered pairs of values (c, k) from different
  // coders, each unit's pairs weighted 1 / (m_u - 1).
  const coincidences = new Map<Category, Map<Category, number>>();
  const add = (c: Category, k: Category, amount: number): void => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + amount);
  };
  for (const unit of units) {
    const tally = new Map<Category, number>();
    let m = 0;
    for (const value of unit.values) {
      if (value === null) continue;
      tally.set(value, (tally.get(value) ?? 0) + 1);
      m += 1;
    }
    if (m < 2) continue;
    const weight = (unit.weight ?? 1) / (m - 1);
    for (const [c, nc] of tally) for (const [k, nk] of tally) add(c, k, weight * (c === k ? nc * (nc - 1) : nc * nk));
  }
  const marginals = new Map<Category, number>();
  let n = 0;
  let observedDisagreement = 0;
  for (const [c, row] of coincidences) {
    for (const [k, amount] of row) {
      marginals.set(c, (marginals.get(c) ?? 0) + amount);
      n += amount;
      if (c !== k) observedDisagreement += amount;
    }
  }
  if (n <= 1) return null;
  let expectedDisagreement = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expectedDisagreement += nc * nk;
  if (expectedDisagreement === 0) return null;
  return 1 - ((n - 1) * observedDisagreement) / expectedDisagreement;
}
