/** The others who have the notebook open right now, as coloured initials matching their cursors. */
import type { CSSProperties } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { initialsOf } from '../../collab';
import { useDocumentPeers } from '../hooks/useDocumentPeers';

function sentenceOf(names: string[]): string {
  const listed = names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${String(names.length - 2)} more`;
  return `${listed} ${names.length === 1 ? 'is' : 'are'} here too`;
}

export function NotebookPeers({ awareness }: { awareness: Awareness }) {
  const peers = useDocumentPeers(awareness);
  if (peers.length === 0) return <span className="muted">Only you are here</span>;
  return (
    <div className="notebook-peers">
      <ul className="notebook-peers__list" aria-label="Also in the notebook">
        {peers.map((peer) => (
          <li key={peer.id} className="notebook-peers__person" style={{ '--presence-color': peer.color } as CSSProperties} title={peer.name}>
            <span className="presence__avatar" aria-hidden="true">
              {initialsOf(peer.name)}
            </span>
            <span className="visually-hidden">{peer.name}</span>
          </li>
        ))}
      </ul>
      <span className="muted" aria-hidden="true">
        {sentenceOf(peers.map((peer) => peer.name))}
      </span>
    </div>
  );
}
