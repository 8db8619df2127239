/**
 * The other people with this document open, from its awareness states. `user` is stamped by the
 * server ({ id, name, color }); one person with two tabs is listed once.
 */
import type { PresenceIdentity } from '@marginalia/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

function isIdentity(value: unknown): value is PresenceIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, color } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof color === 'string';
}

function peersOf(awareness: Awareness): PresenceIdentity[] {
  const byId = new Map<string, PresenceIdentity>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: unknown }).user;
    if (clientId !== awareness.clientID && isIdentity(user)) byId.set(user.id, user);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function useDocumentPeers(awareness: Awareness): PresenceIdentity[] {
  const cache = useRef<{ key: string; peers: PresenceIdentity[] }>({ key: '', peers: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => {
        awareness.off('change', onChange);
      };
    },
    [awareness],
  );
  // useSyncExternalStore needs a stable answer while nothing changed.
  return useSyncExternalStore(subscribe, () => {
    const peers = peersOf(awareness);
    const key = peers.map((peer) => `${peer.id}:${peer.name}:${peer.color}`).join('|');
    if (key !== cache.current.key) cache.current = { key, peers };
    return cache.current.peers;
  });
}
