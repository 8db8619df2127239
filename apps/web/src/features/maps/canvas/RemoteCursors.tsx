/** Colleagues' pointers on the canvas, drawn in flow coordinates so they follow pan and zoom. */
import { ViewportPortal } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { MapPeer } from '../hooks/useMapPresence';

export function RemoteCursors({ peers }: { peers: readonly MapPeer[] }) {
  return (
    <ViewportPortal>
      {peers.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            className="map-cursor"
            data-testid="map-cursor"
            data-user-name={peer.user.name}
            aria-hidden="true"
            style={{ transform: `translate(${String(peer.cursor.x)}px, ${String(peer.cursor.y)}px)`, '--peer-color': peer.user.color } as CSSProperties}
          >
            <svg width="16" height="20" viewBox="0 0 16 20" className="map-cursor__arrow">
              <path d="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L13 11 Z" />
            </svg>
            <span className="map-cursor__name">{peer.user.name}</span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}
