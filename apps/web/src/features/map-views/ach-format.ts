/**
 * How the ACH view words and colours the shared figures: rating names, the keys that rate a
 * cell directly, and the thresholds that call a cell's disagreement "some" or "high".
 */
import { ACH_RATING_LABELS, type AchCell, type AchRating } from '@marginalia/shared';

/** Digits rate the focused cell in the order of the scale (1 = very consistent ... 6 = NA). */
export const RATING_KEYS: Record<string, AchRating> = { '1': 'CC', '2': 'C', '3': 'N', '4': 'I', '5': 'II', '6': 'NA' };
export const SCALE: readonly AchRating[] = ['CC', 'C', 'N', 'I', 'II'];

/** Disagreement is the raters' standard deviation / 2: .5 is C against I, .25 is C against N. */
export type DisagreementLevel = 'none' | 'some' | 'high';
export function disagreementLevel(cell: Pick<AchCell, 'disagreement' | 'raters'>): DisagreementLevel {
  if (cell.raters < 2 || cell.disagreement === 0) return 'none';
  return cell.disagreement >= 0.45 ? 'high' : 'some';
}

export function describeDistribution(cell: AchCell): string {
  const parts = (Object.keys(cell.distribution) as AchRating[]).filter((rating) => cell.distribution[rating] > 0).map((rating) => `${cell.distribution[rating]} ${ACH_RATING_LABELS[rating].toLowerCase()}`);
  return parts.length === 0 ? 'no ratings' : parts.join(', ');
}

export const formatScore = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ''));
export const formatSpread = (value: number | null) => (value === null ? '–' : value.toFixed(2));
