/**
 * The words of an argument map, fixed once for server, client and exports: node and edge
 * kinds, actors' stances, and the ACH scale (Heuer's consistency ratings and weights).
 */

export const MAP_NODE_KINDS = ['question', 'explanation', 'claim', 'evidence', 'assumption', 'note'] as const;
export type MapNodeKind = (typeof MAP_NODE_KINDS)[number];

export const MAP_EDGE_KINDS = ['supports', 'opposes', 'explains', 'qualifies', 'answers'] as const;
export type MapEdgeKind = (typeof MAP_EDGE_KINDS)[number];

/** What an actor of the corpus does with a node's idea. */
export const ACTOR_STANCES = ['holds', 'rejects'] as const;
export type ActorStance = (typeof ACTOR_STANCES)[number];

/** How much the team trusts a node, when it says (explanations and claims mostly). */
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/**
 * Heuer's consistency scale for one cell of an ACH matrix (hypothesis x evidence), with the
 * score each contributes: Heuer ranks hypotheses by the evidence against them, so only
 * inconsistent ratings count towards the inconsistency score (II counts twice).
 */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];

export const ACH_RATING_LABELS: Record<AchRating, string> = {
  CC: 'Very consistent',
  C: 'Consistent',
  N: 'Neutral',
  I: 'Inconsistent',
  II: 'Very inconsistent',
  NA: 'Not applicable',
};

/** Signed value on the consistency axis (NA has none and is left out of every figure). */
export const ACH_RATING_VALUES: Record<Exclude<AchRating, 'NA'>, number> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** Credibility and relevance of a piece of evidence (PARC ACH's weights). */
export const ACH_WEIGHT_LEVELS = ['low', 'medium', 'high'] as const;
export type AchWeightLevel = (typeof ACH_WEIGHT_LEVELS)[number];
export const ACH_WEIGHT_FACTORS: Record<AchWeightLevel, number> = { low: 0.5, medium: 1, high: 2 };

/** Limits that keep one map within what a browser can draw and a server can validate fast. */
export const MAP_LIMITS = {
  nodes: 5_000,
  edges: 10_000,
  textChars: 2_000,
  detailsChars: 20_000,
  evidencePerNode: 50,
  actorsPerNode: 200,
  quoteChars: 5_000,
  titleChars: 200,
} as const;
