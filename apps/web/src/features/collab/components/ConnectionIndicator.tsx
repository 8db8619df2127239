/**
 * The state of the real-time connection in the workspace header: online and saved, saving,
 * reconnecting or offline, and how many local changes are still waiting for the server. Edits
 * made while offline are kept and sent on return, so the words say "kept", not "lost".
 * A connection the server refused for good (this address is not an allowed origin, or the
 * session ended) says so, rather than "trying again" forever.
 */
import type { ConnectionState } from '@marginalia/shared/collab-client';
import { useEffect, useState } from 'react';
import { useCollabConnection } from '../../../lib/collab';
import { cx } from '../../../ui';

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

function describe(state: ConnectionState, pending: number, lastError: string | null): { label: string; detail: string } {
  const unsaved = plural(pending, 'change', 'changes');
  switch (state) {
    case 'online':
      return pending > 0
        ? { label: 'Saving…', detail: `Sending ${unsaved} to the server.` }
        : { label: 'Saved', detail: 'Connected. Every change is saved and shared live.' };
    case 'connecting':
      return { label: 'Connecting…', detail: 'Opening the live connection to the server.' };
    case 'reconnecting':
      return { label: 'Reconnecting…', detail: pending > 0 ? `${unsaved} kept on this device until the connection returns.` : 'The connection dropped; trying again.' };
    case 'offline':
      return { label: 'Offline', detail: pending > 0 ? `${unsaved} kept on this device until the connection returns.` : 'No connection to the server; trying again.' };
    case 'refused':
      return lastError === 'forbidden_origin'
        ? {
            label: 'Not allowed from this address',
            detail: `The server refuses live connections from ${window.location.origin}. Open Marginalia at its public address, or ask your administrator to allow this one (COLLAB_ALLOWED_ORIGINS).`,
          }
        : { label: 'Signed out', detail: 'The server no longer accepts this session for live editing. Sign in again.' };
  }
}

/** Seconds until the next attempt, ticking while one is scheduled. */
function useSecondsUntil(timestamp: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timestamp === null) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [timestamp]);
  return timestamp === null ? null : Math.max(0, Math.ceil((timestamp - now) / 1000));
}

export function ConnectionIndicator() {
  const connection = useCollabConnection();
  const { label, detail } = describe(connection.state, connection.pendingUpdates, connection.lastError);
  const seconds = useSecondsUntil(connection.nextAttemptAt);
  const disconnected = connection.state === 'reconnecting' || connection.state === 'offline' || connection.state === 'refused';
  const tone = connection.state === 'online' ? (connection.pendingUpdates > 0 ? 'saving' : 'online') : connection.state;

  return (
    <div className={cx('connection', `connection--${tone}`)}>
      <span className="connection__status" role="status" aria-label={`Connection: ${label}`} title={detail}>
        <span className="connection__dot" aria-hidden="true" />
        <span className="connection__label">{label}</span>
        {disconnected && connection.pendingUpdates > 0 && (
          <span className="connection__pending">
            {plural(connection.pendingUpdates, 'unsaved change', 'unsaved changes')}
            {/* Written to IndexedDB too: closing the tab now loses nothing; the next one sends them. */}
            {connection.unsavedKeptOffline && ', kept on this computer'}
          </span>
        )}
      </span>
      {connection.state === 'refused' && (
        // Visible, not only a tooltip: nothing will change until someone acts on it.
        <span className="connection__refusal" role="alert">
          {detail}
        </span>
      )}
      {disconnected && (
        <button type="button" className="connection__retry" onClick={connection.retryNow} title={seconds === null ? undefined : `Next attempt in ${String(seconds)} s`}>
          Retry now
        </button>
      )}
    </div>
  );
}
