/**
 * The Analysis of Competing Hypotheses matrix (Heuer, "Psychology of Intelligence Analysis",
 * ch. 8) derived from a map snapshot: explanations (hypotheses) x evidence, each member's
 * rating per cell, the team's spread, weights, inconsistency scores, diagnosticity and the cells
 * where members disagree most. Pure and deterministic, so the browser view, exports and the
 * benchmark compute the same figures.
 *
 * Choices, each one documented here because the figures depend on them:
 * - Rows are the map's explanation nodes. Columns are its evidence nodes; claims and
 *   assumptions join only when asked (`evidenceKinds`), as Heuer counts "assumptions and
 *   logical deductions" as evidence but a map's claims are mostly the explanations' own parts.
 * - NA is "not applicable": it is shown as a member's rating but left out of every figure
 *   (raters, mean, spread, scores), exactly like a cell nobody rated.
 * - A member's weight of a piece of evidence is credibility factor x relevance factor
 *   (ACH_WEIGHT_FACTORS, so 0.25..4); a member who has not weighed it counts 1 (medium x
 *   medium). Per-member scores use the member's own weight; team scores use the mean weight of
 *   the members who did weigh the evidence (1 when nobody did).
 * - Inconsistency (Heuer ranks hypotheses by the evidence against them, not for them): a
 *   rating of I scores 1 and II scores 2, anything else 0, times the weight. A member's score
 *   for an explanation sums their own cells. The team's sums, over evidence, the mean points of
 *   the cell's raters: so a cell rated by three members counts once, not three times, and a
 *   cell half the team skipped is not counted as consistent.
 * - Spread of a cell: range and population standard deviation of its raters' values on
 *   ACH_RATING_VALUES (-2..2). Disagreement is that standard deviation divided by 2, its
 *   largest possible value, so 0 (all agree, or fewer than two raters) to 1 (half CC, half II).
 * - Diagnosticity of a piece of evidence: how much the team's mean rating of it differs across
 *   explanations (range and variance of the per-explanation means). Evidence consistent with
 *   every explanation has 0 and does not help choose between them; it needs at least two
 *   explanations with ratings, otherwise it is null (unknown).
 */
import { ACH_RATING_VALUES, ACH_WEIGHT_FACTORS, type AchRating, type MapNodeKind } from './map-vocabulary.js';
import type { AchRatingEntry, AchWeightEntry, MapNode, MapSnapshot } from './map-document.js';

export const ACH_INCONSISTENCY_POINTS: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 };
/** The largest population standard deviation on a -2..2 scale (half the raters at each end). */
const MAX_STD_DEV = 2;

export interface AchMatrixOptions {
  /** Node kinds that become evidence columns (default: evidence only). */
  evidenceKinds?: readonly MapNodeKind[];
  /** How many most-disputed cells to list (default 5). */
  topDisagreements?: number;
}

export interface AchCell {
  hypothesisId: string;
  evidenceId: string;
  /** Every member's rating of this cell, NA included. */
  ratings: Record<string, AchRating>;
  /** How many members chose each rating (NA included, for the mini distribution). */
  distribution: Record<AchRating, number>;
  /** Members with a rating other than NA. */
  raters: number;
  mean: number | null;
  /** max - min of the raters' values (0..4), null without raters. */
  range: number | null;
  stdDev: number | null;
  /** 0..1, see the module header. */
  disagreement: number;
  /** The team's weighted inconsistency points for this cell (mean over raters x team weight). */
  inconsistency: number;
}

export interface AchHypothesisScore {
  hypothesis: MapNode;
  /** The team's weighted inconsistency score: lower holds up better. */
  inconsistency: number;
  /** 1 = least inconsistent; ties share a rank (1, 1, 3). */
  rank: number;
  /** Cells with at least one rater. */
  ratedCells: number;
  /** Each member's own weighted score and rank among the explanations. */
  byMember: Record<string, { inconsistency: number; rank: number; ratedCells: number }>;
}

export interface AchEvidenceScore {
  evidence: MapNode;
  /** Mean of the members' weight factors (1 when nobody weighed it). */
  teamWeight: number;
  /** Each member's factor (credibility x relevance), only for members who weighed it. */
  weightByMember: Record<string, number>;
  /** Range of the team's mean ratings across explanations, null below two rated explanations. */
  diagnosticity: number | null;
  diagnosticVariance: number | null;
}

export interface AchMatrix {
  hypotheses: AchHypothesisScore[];
  evidence: AchEvidenceScore[];
  /** Members who rated or weighed anything in the matrix, sorted by id. */
  members: string[];
  /** cells[h][e] in the order of `hypotheses` and `evidence` (map order, not rank order). */
  cells: AchCell[][];
  /** The most disputed cells (at least two raters, disagreement > 0), most disputed first. */
  mostDisputed: AchCell[];
}

const byCreation = (a: MapNode, b: MapNode) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export function weightFactor(weight: Pick<AchWeightEntry, 'credibility' | 'relevance'>): number {
  return ACH_WEIGHT_FACTORS[weight.credibility] * ACH_WEIGHT_FACTORS[weight.relevance];
}

/** Ranks ascending scores, ties sharing the better rank (standard competition ranking). */
export function rankAscending(scores: readonly number[]): number[] {
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score);
  const ranks = new Array<number>(scores.length);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry.index] = previous && nearlyEqual(previous.score, entry.score) ? ranks[previous.index]! : position + 1;
  });
  return ranks;
}

const nearlyEqual = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function emptyDistribution(): Record<AchRating, number> {
  return { CC: 0, C: 0, N: 0, I: 0, II: 0, NA: 0 };
}

/** One cell's raters and ratings, as parallel arrays (cheaper than a Map per cell). */
interface CellRatings {
  users: string[];
  ratings: AchRating[];
}

/**
 * Groups the snapshot's ratings by cell (index h * evidenceCount + e), keeping only cells of
 * the matrix's rows and columns. A snapshot holds one entry per member per cell (readMap reads
 * them from a map keyed that way).
 */
function ratingsByCell(ratings: readonly AchRatingEntry[], hypothesisIndex: Map<string, number>, evidenceIndex: Map<string, number>) {
  const cells = new Array<CellRatings | undefined>(hypothesisIndex.size * evidenceIndex.size);
  const evidenceCount = evidenceIndex.size;
  for (const entry of ratings) {
    const h = hypothesisIndex.get(entry.hypothesisId);
    const e = evidenceIndex.get(entry.evidenceId);
    if (h === undefined || e === undefined) continue;
    const key = h * evidenceCount + e;
    const cell = cells[key];
    if (cell) {
      cell.users.push(entry.userId);
      cell.ratings.push(entry.rating);
    } else cells[key] = { users: [entry.userId], ratings: [entry.rating] };
  }
  return cells;
}

function weightsByEvidence(weights: readonly AchWeightEntry[], evidenceIndex: Map<string, number>) {
  const byEvidence = new Map<number, Map<string, number>>();
  for (const entry of weights) {
    const e = evidenceIndex.get(entry.evidenceId);
    if (e === undefined) continue;
    let members = byEvidence.get(e);
    if (!members) byEvidence.set(e, (members = new Map()));
    members.set(entry.userId, weightFactor(entry));
  }
  return byEvidence;
}

function describeCell(hypothesisId: string, evidenceId: string, ratings: CellRatings | undefined, teamWeight: number): AchCell {
  const distribution = emptyDistribution();
  const record: Record<string, AchRating> = {};
  let raters = 0;
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  let points = 0;
  if (ratings)
    for (let index = 0; index < ratings.users.length; index++) {
      const rating = ratings.ratings[index]!;
      record[ratings.users[index]!] = rating;
      distribution[rating] += 1;
      if (rating === 'NA') continue;
      const value = ACH_RATING_VALUES[rating];
      raters += 1;
      sum += value;
      sumSquares += value * value;
      if (value < min) min = value;
      if (value > max) max = value;
      points += ACH_INCONSISTENCY_POINTS[rating];
    }
  if (raters === 0) return { hypothesisId, evidenceId, ratings: record, distribution, raters, mean: null, range: null, stdDev: null, disagreement: 0, inconsistency: 0 };
  const mean = sum / raters;
  const stdDev = Math.sqrt(Math.max(0, sumSquares / raters - mean * mean));
  return {
    hypothesisId,
    evidenceId,
    ratings: record,
    distribution,
    raters,
    mean,
    range: max - min,
    stdDev,
    disagreement: raters < 2 ? 0 : stdDev / MAX_STD_DEV,
    inconsistency: (points / raters) * teamWeight,
  };
}

export function computeAchMatrix(snapshot: Pick<MapSnapshot, 'nodes' | 'ratings' | 'weights'>, options: AchMatrixOptions = {}): AchMatrix {
  const evidenceKinds = new Set<MapNodeKind>(options.evidenceKinds ?? ['evidence']);
  const hypothesisNodes = snapshot.nodes.filter((node) => node.kind === 'explanation').sort(byCreation);
  const evidenceNodes = snapshot.nodes.filter((node) => node.kind !== 'explanation' && evidenceKinds.has(node.kind)).sort(byCreation);
  const hypothesisIndex = new Map(hypothesisNodes.map((node, index) => [node.id, index]));
  const evidenceIndex = new Map(evidenceNodes.map((node, index) => [node.id, index]));
  const cellRatings = ratingsByCell(snapshot.ratings, hypothesisIndex, evidenceIndex);
  const evidenceWeights = weightsByEvidence(snapshot.weights, evidenceIndex);

  const memberSet = new Set<string>();
  for (const cell of cellRatings) if (cell) for (const userId of cell.users) memberSet.add(userId);
  for (const weights of evidenceWeights.values()) for (const userId of weights.keys()) memberSet.add(userId);
  const members = [...memberSet].sort();

  const evidence = evidenceNodes.map((node, e): AchEvidenceScore => {
    const weights = evidenceWeights.get(e);
    const factors = weights ? [...weights.values()] : [];
    return {
      evidence: node,
      teamWeight: factors.length === 0 ? 1 : factors.reduce((a, b) => a + b, 0) / factors.length,
      weightByMember: weights ? Object.fromEntries(weights) : {},
      diagnosticity: null,
      diagnosticVariance: null,
    };
  });
  const memberWeight = (e: number, userId: string) => evidenceWeights.get(e)?.get(userId) ?? 1;

  const cells: AchCell[][] = [];
  const teamScores: number[] = [];
  const ratedCells: number[] = [];
  const memberScores = members.map(() => new Array<number>(hypothesisNodes.length).fill(0));
  const memberRated = members.map(() => new Array<number>(hypothesisNodes.length).fill(0));
  const memberPosition = new Map(members.map((userId, index) => [userId, index]));
  hypothesisNodes.forEach((hypothesis, h) => {
    const row: AchCell[] = [];
    let score = 0;
    let rated = 0;
    evidenceNodes.forEach((node, e) => {
      const ratings = cellRatings[h * evidenceNodes.length + e];
      const cell = describeCell(hypothesis.id, node.id, ratings, evidence[e]!.teamWeight);
      row.push(cell);
      score += cell.inconsistency;
      if (cell.raters > 0) rated += 1;
      if (ratings)
        for (let index = 0; index < ratings.users.length; index++) {
          const rating = ratings.ratings[index]!;
          if (rating === 'NA') continue;
          const userId = ratings.users[index]!;
          const m = memberPosition.get(userId)!;
          memberScores[m]![h]! += ACH_INCONSISTENCY_POINTS[rating] * memberWeight(e, userId);
          memberRated[m]![h]! += 1;
        }
    });
    cells.push(row);
    teamScores.push(score);
    ratedCells.push(rated);
  });

  evidence.forEach((score, e) => {
    const means: number[] = [];
    for (const row of cells) {
      const mean = row[e]!.mean;
      if (mean !== null) means.push(mean);
    }
    if (means.length < 2) return;
    const average = means.reduce((a, b) => a + b, 0) / means.length;
    score.diagnosticity = Math.max(...means) - Math.min(...means);
    score.diagnosticVariance = means.reduce((sum, mean) => sum + (mean - average) ** 2, 0) / means.length;
  });

  const teamRanks = rankAscending(teamScores);
  const memberRanks = memberScores.map((scores) => rankAscending(scores));
  const hypotheses = hypothesisNodes.map((hypothesis, h): AchHypothesisScore => ({
    hypothesis,
    inconsistency: teamScores[h]!,
    rank: teamRanks[h]!,
    ratedCells: ratedCells[h]!,
    byMember: Object.fromEntries(
      members.map((userId, m) => [userId, { inconsistency: memberScores[m]![h]!, rank: memberRanks[m]![h]!, ratedCells: memberRated[m]![h]! }]),
    ),
  }));

  const disputed: AchCell[] = [];
  for (const row of cells) for (const cell of row) if (cell.raters >= 2 && cell.disagreement > 0) disputed.push(cell);
  disputed.sort((a, b) => b.disagreement - a.disagreement || b.raters - a.raters || a.hypothesisId.localeCompare(b.hypothesisId) || a.evidenceId.localeCompare(b.evidenceId));

  return { hypotheses, evidence, members, cells, mostDisputed: disputed.slice(0, options.topDisagreements ?? 5) };
}

/**
 * What a member may see of the ratings: in blind mode, until the ratings are revealed, only
 * their own ratings and weights (weights too, as they show what a colleague makes of the
 * evidence). Like blind coding, this is a courtesy of the view, not a secret: the Yjs document
 * every member holds contains all the ratings.
 */
export function visibleRatings<T extends Pick<MapSnapshot, 'ratings' | 'weights' | 'settings'>>(snapshot: T, viewerId: string): T {
  if (!ratingsHidden(snapshot.settings)) return snapshot;
  return {
    ...snapshot,
    ratings: snapshot.ratings.filter((entry) => entry.userId === viewerId),
    weights: snapshot.weights.filter((entry) => entry.userId === viewerId),
  };
}

export function ratingsHidden(settings: MapSnapshot['settings']): boolean {
  return settings.blindRatings && !settings.ratingsRevealed;
}
