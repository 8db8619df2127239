/** People's words for the map vocabulary (the shared package holds the identifiers). */
import type { ActorStance, ConfidenceLevel, MapEdgeKind, MapNodeKind } from '@marginalia/shared';

export const NODE_KIND_LABELS: Record<MapNodeKind, string> = {
  question: 'Question',
  explanation: 'Explanation',
  claim: 'Claim',
  evidence: 'Evidence',
  assumption: 'Assumption',
  note: 'Note',
};

export const EDGE_KIND_LABELS: Record<MapEdgeKind, string> = {
  supports: 'supports',
  opposes: 'opposes',
  explains: 'explains',
  qualifies: 'qualifies',
  answers: 'answers',
};

export const STANCE_LABELS: Record<ActorStance, string> = { holds: 'holds', rejects: 'rejects' };

export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** A node's text for lists and accessible names, never empty. */
export function nodeTitle(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '(untitled)' : trimmed;
}
