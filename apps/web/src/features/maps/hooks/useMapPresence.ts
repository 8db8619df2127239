/**
 * Everyone on the map, from its awareness: the server stamps each state's `user`
 * ({ id, name, color }); each browser adds its own `cursor` ({ x, y } in flow coordinates,
 * null when the pointer leaves the canvas) and `selection` (node ids).
 */
import type { PresenceIdentity } from '@marginalia/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface MapPeer {
  clientId: number;
  user: PresenceIdentity;
  cursor: { x: number; y: number } | null;
  selection: string[];
}

function isIdentity(value: unknown): value is PresenceIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, color } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof color === 'string';
}

function isPoint(value: unknown): value is { x: number; y: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y);
}

function peersOf(awareness: Awareness): MapPeer[] {
  const peers: MapPeer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const { user, cursor, selection } = state as { user?: unknown; cursor?: unknown; selection?: unknown };
    if (!isIdentity(user)) continue;
    peers.push({
      clientId,
      user,
      cursor: isPoint(cursor) ? cursor : null,
      selection: Array.isArray(selection) ? selection.filter((id): id is string => typeof id === 'string').slice(0, 500) : [],
    });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** The other browsers on this map (one person with two tabs appears twice: two cursors). */
export function useMapPeers(awareness: Awareness): MapPeer[] {
  const cache = useRef<{ key: string; peers: MapPeer[] }>({ key: '', peers: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    const peers = peersOf(awareness);
    const key = JSON.stringify(peers);
    if (key !== cache.current.key) cache.current = { key, peers };
    return cache.current.peers;
  });
}
