/**
 * Threads about an argument map's parts, found by the part they are about: a node or link by
 * its element id, an ACH cell by its explanation and evidence. Pure, so the map canvas and the
 * ACH grid can look up badges without knowing thread anchors.
 */
import type { Thread, ThreadAnchor, ThreadAnchorInput } from '@marginalia/shared';

export type MapAnchorInput = Extract<ThreadAnchorInput, { kind: 'map-node' } | { kind: 'map-edge' } | { kind: 'ach-cell' }>;

export interface AnchorThreads {
  threads: Thread[];
  open: number;
  unread: number;
}

export function mapAnchorKey(anchor: MapAnchorInput | ThreadAnchor): string | null {
  switch (anchor.kind) {
    case 'map-node':
    case 'map-edge':
      return 'elementId' in anchor && anchor.elementId !== null ? `${anchor.kind}:${anchor.elementId}` : null;
    case 'ach-cell':
      if ('hypothesisId' in anchor) return `ach-cell:${anchor.hypothesisId}:${anchor.evidenceId}`;
      return anchor.elementId !== null && anchor.evidenceId !== null ? `ach-cell:${anchor.elementId}:${anchor.evidenceId}` : null;
    default:
      return null;
  }
}

/** The map's threads by the part they are about; orphaned ones (the part was deleted) are left out. */
export function indexMapThreads(threads: readonly Thread[]): ReadonlyMap<string, AnchorThreads> {
  const index = new Map<string, AnchorThreads>();
  for (const thread of threads) {
    if (thread.orphaned) continue;
    const key = mapAnchorKey(thread.anchor);
    if (key === null) continue;
    const entry = index.get(key) ?? { threads: [], open: 0, unread: 0 };
    entry.threads.push(thread);
    if (thread.resolvedAt === null) entry.open++;
    entry.unread += thread.unreadCount;
    index.set(key, entry);
  }
  return index;
}
