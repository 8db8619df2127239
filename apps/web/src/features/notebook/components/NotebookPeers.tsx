/** The others who have the notebook open right now, as coloured initials matching their cursors. */
import type { CSSProperties } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { initialsOf } from '../../collab';
import { useDocumentPeers } from '../hooks/useDocumentPeers';

export function NotebookPeers({ awareness }: { awareness: Awareness }) {
  const peers = useDocumentPeers(awareness);
  if (peers.length === 0) return <span className="muted">Only you are here</span>;
  return (
    <ul className="notebook-peers" aria-label="Also in the notebook">
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
