/** Who else has the map open, as coloured initials matching their cursors on the canvas. */
import type { CSSProperties } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { initialsOf } from '../../collab';
import { useDocumentPeers } from '../../notebook/hooks/useDocumentPeers';

export function MapPeers({ awareness }: { awareness: Awareness }) {
  const peers = useDocumentPeers(awareness);
  if (peers.length === 0) return <span className="muted map-peers">Only you are here</span>;
  return (
    <ul className="map-peers notebook-peers__list" aria-label="Also on this map">
      {peers.map((peer) => (
        <li key={peer.id} className="notebook-peers__person" style={{ '--presence-color': peer.color } as CSSProperties} title={peer.name}>
          <span className="presence__avatar" aria-hidden="true">
            {initialsOf(peer.name)}
          </span>
          <span className="visually-hidden">{peer.name}</span>
        </li>
      ))}
    </ul>
  );
}
